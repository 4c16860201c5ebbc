package dev.bouncekit.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A percentage on the command line: a number, whole or with a fraction, with or without the
 * {@code %} the output writes after it ({@code 2}, {@code 0.5}, {@code 2%}).
 */
final class PercentConverter implements ITypeConverter<Double> {

    @Override
    public Double convert(String value) {
        String number = value.strip();
        if (number.endsWith("%")) {
            number = number.substring(0, number.length() - 1).strip();
        }
        try {
            return Double.valueOf(number);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a percentage; use e.g. 2, 0.5 or 2%");
        }
    }
}
