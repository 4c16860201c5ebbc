package dev.bouncekit.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line sizes in octets: a number, or a number with a binary unit: {@code 512K},
 * {@code 25M} (also {@code 25MB}, {@code 25MiB}), {@code 1G}. 1K = 1024 octets.
 */
final class ByteSizeConverter implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|K|KB|KIB|M|MB|MIB|G|GB|GIB)");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size; use e.g. 1048576, 512K, 25M or 1G");
        }
        try {
            long amount = Long.parseLong(m.group(1));
            int shift = m.group(2).isEmpty() ? 0 : m.group(2).charAt(0) == 'K' ? 10 : m.group(2).charAt(0) == 'M' ? 20 : 30;
            return Math.multiplyExact(amount, 1L << shift);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new TypeConversionException("'" + value + "' is too large");
        }
    }

    /** A size as this notation writes it: {@code 25M}, {@code 512K}, or octets. */
    static String format(long octets) {
        if (octets >= 1 << 20 && octets % (1 << 20) == 0) {
            return (octets >> 20) + "M";
        }
        if (octets >= 1 << 10 && octets % (1 << 10) == 0) {
            return (octets >> 10) + "K";
        }
        return String.valueOf(octets);
    }
}
