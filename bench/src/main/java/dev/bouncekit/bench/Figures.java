package dev.bouncekit.bench;

import java.util.Locale;

/** How numbers are written in the results table: thousands separated, ratios with two digits. */
final class Figures {

    private Figures() {
    }

    /** {@code 1234567.8} as {@code 1,234,568}. */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A ratio as {@code 12.34×}. */
    static String ratio(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%,.0f×" : "%.2f×", value);
    }

    /** A number with {@code digits} decimals. */
    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }
}
