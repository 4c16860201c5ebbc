package dev.bouncekit.receiver;

import dev.bouncekit.catalog.CatalogEntry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Magic addresses: every catalog reply is reachable without any configuration, by its id
 * written as an address.
 *
 * <p><b>Scheme.</b> The local part is the catalog id with its {@code /} written as {@code .}:
 * {@code gmail/user-unknown} is {@code gmail.user-unknown@any.domain}. Case does not matter, a
 * {@code +tag} after the name is ignored ({@code gmail.user-unknown+42@example.com}), and
 * catalog aliases work too ({@code outlook.spamhaus-blocked@...}). The domain can be anything;
 * {@value #DEFAULT_DOMAIN} is a safe choice.
 *
 * <p><b>Where the reply is sent.</b>
 * <ul>
 *   <li>As a recipient ({@code RCPT TO}): entries of stage RCPT, and of the stages before it
 *       (CONNECT, EHLO, MAIL, which cannot be known before the recipient is), are answered at
 *       that {@code RCPT TO}; other recipients of the transaction are unaffected. Entries of stage
 *       DATA are accepted at RCPT and answered after the final dot of that transaction's data.</li>
 *   <li>As the sender ({@code MAIL FROM}): entries of stage CONNECT, EHLO and MAIL are answered at
 *       {@code MAIL FROM}. Other entries have no effect as a sender.</li>
 *   <li>As the HELO/EHLO name ({@code EHLO outlook.spamhaus-helo}): entries of stage CONNECT and
 *       EHLO are answered at EHLO/HELO.</li>
 * </ul>
 * Rules come first: a magic address answers only when no rule did. Every other address is
 * accepted and stored.
 */
public final class MagicAddresses {

    /** A domain for magic addresses that can never be a real one (RFC 2606). */
    public static final String DEFAULT_DOMAIN = "bouncekit.test";

    private MagicAddresses() {
    }

    /** The magic address of a catalog id (or alias) at {@value #DEFAULT_DOMAIN}. */
    public static String address(String catalogId) {
        return address(catalogId, DEFAULT_DOMAIN);
    }

    /**
     * The magic address of a catalog id (or alias): {@code gmail/user-unknown} at {@code example.com}
     * is {@code gmail.user-unknown@example.com}.
     *
     * @throws IllegalArgumentException for an unknown id, or a domain that is not a domain name
     *                                  (labels of letters, digits and hyphens) or an address literal
     */
    public static String address(String catalogId, String domain) {
        Objects.requireNonNull(domain, "domain");
        ReplyCatalog.builtIn().require(catalogId);
        if (!isDomain(domain)) {
            throw new IllegalArgumentException("not a domain name: '" + domain
                    + "'; give labels of letters, digits and hyphens, such as example.com, or an address literal such as [127.0.0.1]");
        }
        return localPart(catalogId) + "@" + domain;
    }

    /**
     * Whether {@code domain} can follow the {@code @} of an address: dot-separated labels of 1 to 63
     * letters (any script), digits and inner hyphens, 253 characters at most, or an address literal
     * in brackets (RFC 5321, 4.1.3).
     */
    static boolean isDomain(String domain) {
        if (domain.length() > 2 && domain.startsWith("[") && domain.endsWith("]")) {
            return domain.chars().skip(1).limit(domain.length() - 2L)
                    .allMatch(c -> c > ' ' && c < 127 && c != '[' && c != ']' && c != '\\');
        }
        if (domain.isEmpty() || domain.length() > 253) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> c == '-' || Character.isLetterOrDigit(c))) {
                return false;
            }
        }
        return true;
    }

    /** The local part for a catalog id: the first {@code /} becomes {@code .}. */
    public static String localPart(String catalogId) {
        return catalogId.trim().toLowerCase(Locale.ROOT).replaceFirst("/", ".");
    }

    /**
     * The catalog entry an address (or a HELO name) names, if any: {@code gmail.user-unknown+x@host}
     * names {@code gmail/user-unknown}.
     */
    public static Optional<CatalogEntry> entryFor(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String local = address;
        int at = local.lastIndexOf('@');
        if (at >= 0) {
            local = local.substring(0, at);
        }
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        int dot = local.indexOf('.');
        if (dot <= 0 || dot == local.length() - 1) {
            return Optional.empty();
        }
        String id = local.substring(0, dot) + "/" + local.substring(dot + 1);
        return ReplyCatalog.builtIn().resolve(id);
    }
}
