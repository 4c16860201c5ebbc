package dev.bouncekit.suppression;

import java.util.Locale;

/**
 * The one form in which the stores keep an address: trimmed and lower-cased, so that
 * {@code Bob@Example.COM} and {@code bob@example.com} are one entry. (Local parts are case-sensitive
 * in theory; no mailbox provider treats them so, and a list that missed a case variant would send
 * again to a dead address.)
 */
public final class EmailAddress {

    private EmailAddress() {
    }

    /**
     * The stored form of {@code address}.
     *
     * @throws IllegalArgumentException when it is blank, has no {@code @} between a local part and
     *         a domain, or contains white space or control characters
     */
    public static String normalize(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("an address must not be blank");
        }
        String trimmed = address.trim();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new IllegalArgumentException("not an address: '" + address + "' (expected local@domain)");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("not an address: '" + address + "' (white space or a control character)");
            }
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
