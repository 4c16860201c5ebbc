package dev.bouncekit.suppression;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the durations of the configuration: {@code 90s}, {@code 10m}, {@code 12h}, {@code 7d}, or
 * ISO-8601 ({@code PT10M}), positive and at most {@link #MAX}.
 */
public final class DurationText {

    /**
     * The longest duration accepted, 100 years ({@code 36525d}). No expiry, counting window or cache
     * of the suppression list needs more (an address that should stay suppressed for good takes
     * {@code never}), and the bound keeps every instant computed from it (now plus the duration, in
     * epoch milliseconds or nanoseconds) well within what {@link java.time.Instant}, a
     * {@code long} and PostgreSQL's {@code timestamp} can hold, so that a typo such as
     * {@code 999999999999d} is refused where it is written rather than failing each later use.
     */
    public static final Duration MAX = Duration.ofDays(36_525);

    private DurationText() {
    }

    /**
     * The duration {@code text} stands for; {@code parameter} names the setting in the message.
     *
     * @throws IllegalArgumentException when it is none of the accepted forms, not positive, or
     *                                  longer than {@link #MAX}
     */
    public static Duration parse(String parameter, String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration duration;
        boolean tooLong = false;
        // 1.5d: bouncekit serve's durations take a fraction, these do not; it is read to be named in ISO-8601
        boolean fraction = value.matches("\\d+\\.\\d+[smhd]");
        try {
            if (value.startsWith("p")) {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else if (fraction) {
                duration = Duration.ofNanos(new BigDecimal(value.substring(0, value.length() - 1))
                        .multiply(BigDecimal.valueOf(unitSeconds(value.charAt(value.length() - 1))))
                        .movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
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
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            duration = null;
            // a number too large for a long, or for a Duration once in seconds
            tooLong = !value.contains("-") && (value.matches("\\d+(\\.\\d+)?[smhd]") || value.startsWith("p") && e.getCause() != null);
        }
        if (tooLong || duration != null && duration.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(parameter + ": '" + text + "' is longer than " + MAX.toDays()
                    + "d (100 years), the longest accepted");
        }
        if (value.matches("[0-9]*[1-9][0-9]*")) {
            // a number without its unit: say so, rather than that it is not positive
            throw new IllegalArgumentException(parameter + ": '" + text + "' has no unit; give one, e.g. " + value + "s, "
                    + value + "m, " + value + "h or " + value + "d");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(parameter + ": '" + text + "' is not a positive duration; use e.g. 90s, 10m, 12h, 7d or PT10M");
        }
        if (fraction) {
            throw new IllegalArgumentException(parameter + ": '" + text + "' has a fraction; give a whole number of s, m, h "
                    + "or d, or the same in ISO-8601: " + duration);
        }
        return duration;
    }

    private static long unitSeconds(char unit) {
        return switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3_600;
            default -> 86_400;
        };
    }
}
