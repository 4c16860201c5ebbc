package dev.bouncekit.reply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The e-mail addresses, IPv4 addresses and host names a reply text mentions, extracted so that
 * rules never have to match them and a bounce can be tied to the recipient it names.
 *
 * @param addresses e-mail addresses, lower-cased, in order of appearance, without duplicates
 * @param ipAddresses dotted-quad IPv4 addresses in order of appearance, without duplicates
 * @param hostNames host names (dotted names that are not part of an address), lower-cased
 */
public record Mentions(List<String> addresses, List<String> ipAddresses, List<String> hostNames) {

    /** At most this many of each kind are kept, whatever the input size. */
    public static final int LIMIT = 64;

    /** ASCII characters that start a token, and those that continue one. */
    private static final boolean[] WORD = new boolean[128];
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD[c] = Character.isLetterOrDigit(c) || c == '_';
            TOKEN[c] = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '@'
                    || c == '+' || c == '%' || c == '=';
        }
    }

    public Mentions {
        addresses = List.copyOf(addresses);
        ipAddresses = List.copyOf(ipAddresses);
        hostNames = List.copyOf(hostNames);
    }

    /** Scans {@code text} once; null gives no mentions. Linear in the length. */
    public static Mentions in(String text) {
        Set<String> addresses = new LinkedHashSet<>();
        Set<String> ips = new LinkedHashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        if (text != null) {
            int n = text.length();
            int i = 0;
            while (i < n) {
                if (!isWordChar(text.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                boolean dotOrAt = false;
                char c;
                while (i < n && isTokenChar(c = text.charAt(i))) {
                    dotOrAt |= c == '.' || c == '@';
                    i++;
                }
                if (dotOrAt) {
                    // A token starts with a word character: only its end can carry dots and dashes.
                    int end = i;
                    while (end > start && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                        end--;
                    }
                    classify(text.substring(start, end), addresses, ips, hosts);
                }
            }
        }
        return new Mentions(List.copyOf(addresses), List.copyOf(ips), List.copyOf(hosts));
    }

    /** The domain of each mentioned address, lower-cased, without duplicates. */
    public List<String> addressDomains() {
        if (addresses.isEmpty()) {
            return new ArrayList<>();
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String address : addresses) {
            domains.add(address.substring(address.lastIndexOf('@') + 1));
        }
        return new ArrayList<>(domains);
    }

    private static void classify(String token, Set<String> addresses, Set<String> ips, Set<String> hosts) {
        if (token.isEmpty()) {
            return;
        }
        int at = token.lastIndexOf('@');
        if (at > 0 && at < token.length() - 1) {
            String domain = token.substring(at + 1);
            String local = token.substring(0, at);
            int innerAt = local.lastIndexOf('@');
            if (innerAt >= 0) {
                local = local.substring(innerAt + 1);
            }
            if (!local.isEmpty() && domain.indexOf('.') > 0 && addresses.size() < LIMIT) {
                addresses.add((local + "@" + domain).toLowerCase(Locale.ROOT));
            }
            return;
        }
        if (isIpv4(token)) {
            if (ips.size() < LIMIT) {
                ips.add(token);
            }
            return;
        }
        if (isHostName(token) && hosts.size() < LIMIT) {
            hosts.add(token.toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isIpv4(String token) {
        int parts = 0;
        int digits = 0;
        int value = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                value = value * 10 + (c - '0');
                if (digits > 3 || value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (digits == 0) {
                    return false;
                }
                parts++;
                digits = 0;
                value = 0;
            } else {
                return false;
            }
        }
        return digits > 0 && parts == 3;
    }

    private static boolean isHostName(String token) {
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || dot >= token.length() - 2) {
            return false;
        }
        for (int i = dot + 1; i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c < 128 && WORD[c];
    }

    private static boolean isTokenChar(char c) {
        return c < 128 && TOKEN[c];
    }
}
