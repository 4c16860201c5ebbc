package dev.bouncekit.suppression;

import java.net.IDN;
import java.util.Locale;

/**
 * The one form in which the stores keep an address: trimmed and lower-cased, so that
 * {@code Bob@Example.COM} and {@code bob@example.com} are one entry. (Local parts are case-sensitive
 * in theory; no mailbox provider treats them so, and a list that missed a case variant would send
 * again to a dead address.) An internationalized domain is kept in its Unicode form, so that
 * {@code bob@xn--bcher-kva.de}, as a bounce may report it, and {@code bob@bücher.de}, as the
 * application sends to it, are one entry too (RFC 5890's A-label and U-label of one name,
 * {@link IDN#toUnicode}).
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
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return mayBeInternationalized(lower, at + 1) ? lower.substring(0, at + 1) + IDN.toUnicode(lower.substring(at + 1)) : lower;
    }

    /** Whether the domain from {@code from} on has an A-label ({@code xn--}) or a character outside ASCII. */
    private static boolean mayBeInternationalized(String address, int from) {
        if (address.indexOf("xn--", from) >= 0) {
            return true;
        }
        for (int i = from; i < address.length(); i++) {
            if (address.charAt(i) >= 0x80) {
                return true;
            }
        }
        return false;
    }
}
