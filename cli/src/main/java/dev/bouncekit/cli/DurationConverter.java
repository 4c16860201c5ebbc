package dev.bouncekit.cli;

import dev.bouncekit.receiver.DurationText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * Command-line durations, written as everywhere else in bouncekit ({@link DurationText}):
 * {@code 500ms}, {@code 1.5s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT5M}).
 */
final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A duration as this notation writes it: {@code 1h}, {@code 5m}, {@code 30s}, {@code 500ms}. */
    static String format(Duration d) {
        return DurationText.format(d);
    }
}
