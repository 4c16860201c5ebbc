package dev.bouncekit.receiver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way durations are written for the receiver: in scenario files and the HTTP API
 * ({@code delay}) and in {@code bouncekit serve}'s options ({@code --idle-timeout}). A number
 * with a unit, {@code ms}, {@code s}, {@code m} or {@code h}, the number whole or with a
 * fraction ({@code 250ms}, {@code 1.5s}, {@code 5m}, {@code 1h}), or ISO-8601
 * ({@code PT1M30S}). Durations are kept to the millisecond.
 */
public final class DurationText {

    /** What the error messages offer as examples. */
    public static final String EXAMPLES = "500ms, 1.5s, 5m, 1h or PT5M";

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

    private DurationText() {
    }

    /**
     * Reads a duration.
     *
     * @throws IllegalArgumentException when {@code text} is none of the forms above, negative, or too large
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        Matcher m = NUMBER_AND_UNIT.matcher(trimmed);
        try {
            Duration duration;
            if (m.matches()) {
                long millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis(m.group(2))))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
                duration = Duration.ofMillis(millis);
            } else {
                duration = Duration.parse(trimmed).truncatedTo(ChronoUnit.MILLIS);
            }
            if (duration.isNegative()) {
                throw new IllegalArgumentException("'" + text + "' is negative; a duration is 0 or more");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. " + EXAMPLES);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a duration");
        }
    }

    /** A duration as this notation writes it: {@code 1h}, {@code 5m}, {@code 30s}, {@code 1500ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static long unitMillis(String unit) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "ms":
                return 1;
            case "s":
                return 1000;
            case "m":
                return 60_000;
            default:
                return 3_600_000;
        }
    }
}
