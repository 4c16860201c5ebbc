package dev.bouncekit.suppression;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the durations of the configuration: {@code 90s}, {@code 10m}, {@code 12h}, {@code 7d}, or ISO-8601 ({@code PT10M}). */
public final class DurationText {

    private DurationText() {
    }

    /**
     * The duration {@code text} stands for; {@code parameter} names the setting in the message.
     *
     * @throws IllegalArgumentException when it is none of the accepted forms or not positive
     */
    public static Duration parse(String parameter, String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        try {
            if (value.startsWith("p")) {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else if (value.length() > 1) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                duration = switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> null;
                };
            } else {
                duration = null;
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            duration = null;
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(parameter + ": '" + text + "' is not a positive duration; use e.g. 90s, 10m, 12h, 7d or PT10M");
        }
        return duration;
    }
}
