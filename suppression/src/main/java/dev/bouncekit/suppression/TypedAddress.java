package dev.bouncekit.suppression;

/**
 * The check an address typed by hand passes before it is suppressed ({@code bouncekit suppressions
 * add}, WebAdmin's {@code PUT /bouncekit/suppressions/ADDRESS}): one {@code @} outside a quoted local
 * part, with a local part before it and a domain after it. {@link EmailAddress#normalize} splits at
 * the last {@code @} and so takes {@code a@@b.test} as local part {@code a@}; it stays as lenient for
 * the addresses James hands the mailets, which were accepted on the way in.
 */
public final class TypedAddress {

    private TypedAddress() {
    }

    /**
     * The stored form of {@code address}, as {@link EmailAddress#normalize} gives it.
     *
     * @throws IllegalArgumentException when it has more than one {@code @} outside quotes, an empty
     *         local part or an empty domain, or {@link EmailAddress#normalize} refuses it
     */
    public static String normalize(String address) {
        if (address == null || address.isBlank()) {
            return EmailAddress.normalize(address);
        }
        String bare = address.trim();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        int at = -1;
        boolean quoted = false;
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '@' && !quoted) {
                if (at >= 0) {
                    throw new IllegalArgumentException("not an address: '" + address
                            + "' (more than one @ outside quotes; expected local@domain)");
                }
                at = i;
            }
        }
        if (at <= 0 || at == bare.length() - 1) {
            throw new IllegalArgumentException("not an address: '" + address + "' (expected local@domain)");
        }
        return EmailAddress.normalize(address);
    }
}
