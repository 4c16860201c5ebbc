package dev.bouncekit.cli;

import dev.bouncekit.receiver.gate.ReleaseGate;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A percentage on the command line: a number, whole or with a fraction, with or without the
 * {@code %} the output writes after it ({@code 2}, {@code 0.5}, {@code 2%}), read by
 * {@link ReleaseGate#parseLimit}, as {@code GET /api/v1/gate} reads it.
 */
final class PercentConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        try {
            return ReleaseGate.parseLimit(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a percentage; use e.g. 2, 0.5 or 2%");
        }
    }
}
