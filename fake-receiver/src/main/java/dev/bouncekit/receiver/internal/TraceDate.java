package dev.bouncekit.receiver.internal;

import java.util.Date;

/**
 * The date of the {@code Received} trace header, as GreenMail writes it ({@link Date#toString()}),
 * formatted once per second and shared by every message of that second.
 */
final class TraceDate {

    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private TraceDate() {
    }

    /** Now, to the second. */
    static String now() {
        long millis = System.currentTimeMillis();
        long second = Math.floorDiv(millis, 1000);
        Second cached = last;
        if (cached.epochSecond() != second) {
            cached = new Second(second, new Date(second * 1000).toString());
            last = cached;
        }
        return cached.text();
    }
}
