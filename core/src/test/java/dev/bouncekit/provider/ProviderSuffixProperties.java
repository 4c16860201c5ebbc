package dev.bouncekit.provider;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProviderDetector#byHost} and {@link ProviderDetector#byDomain}, which walk a name once from
 * its end through {@link SuffixTable}, against the plain lookup of the lower-cased name and of each
 * of its parents in a map: host names and domains built from the provider files' own names, with
 * labels added in front, labels cut, case changed, dots doubled or added at the end and noise. And
 * {@link ProviderDetector#detect(int, String, String, String)} on the names in a text, which reads
 * host names and address domains in one pass, against a pass for each (the host names first).
 */
class ProviderSuffixProperties {

    private static final ProviderDetector DETECTOR = ProviderDetector.builtIn();
    private static final Map<String, Provider> BY_HOST_SUFFIX = new HashMap<>();
    private static final Map<String, Provider> BY_DOMAIN = new HashMap<>();
    private static final List<String> NAMES = new ArrayList<>();

    static {
        for (Provider p : DETECTOR.providers()) {
            for (String domain : p.domains()) {
                BY_DOMAIN.putIfAbsent(domain, p);
                NAMES.add(domain);
            }
            for (String suffix : p.hostSuffixes()) {
                String name = suffix.startsWith(".") ? suffix.substring(1) : suffix;
                while (name.endsWith(".")) {
                    name = name.substring(0, name.length() - 1);
                }
                BY_HOST_SUFFIX.putIfAbsent(name, p);
                NAMES.add(name);
            }
        }
    }

    @Property(tries = 3000)
    void by_host_is_the_lookup_of_the_host_and_its_parents(@ForAll("names") String host) {
        String h = host.toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        Optional<Provider> expected = Optional.empty();
        for (int at = 0; at < h.length(); ) {
            Provider p = BY_HOST_SUFFIX.get(h.substring(at));
            if (p != null) {
                expected = Optional.of(p);
                break;
            }
            int dot = h.indexOf('.', at);
            if (dot < 0) {
                break;
            }
            at = dot + 1;
        }

        assertThat(DETECTOR.byHost(host)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void by_domain_is_the_lookup_of_the_domain_and_its_parents(@ForAll("names") String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);  // a fully qualified name's trailing dot changes nothing
        }
        Optional<Provider> expected = Optional.empty();
        while (true) {
            Provider p = BY_DOMAIN.get(d);
            if (p != null) {
                expected = Optional.of(p);
                break;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                break;
            }
            d = d.substring(dot + 1);
        }

        assertThat(DETECTOR.byDomain(domain)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void names_in_a_text_are_the_host_names_first_then_the_address_domains(@ForAll("texts") String text) {
        Optional<Provider> expected = hostNamedIn(text);
        if (expected.isEmpty()) {
            for (int at = text.indexOf('@'); at >= 0 && expected.isEmpty(); at = text.indexOf('@', at + 1)) {
                int end = at + 1;
                while (end < text.length() && isDomainChar(text.charAt(end))) {
                    end++;
                }
                while (end > at + 1 && text.charAt(end - 1) == '.') {
                    end--;
                }
                if (text.substring(at + 1, end).contains(".")) {
                    expected = DETECTOR.byDomain(text.substring(at + 1, end));
                }
            }
        }

        assertThat(DETECTOR.detect(-1, text, null, null)).isEqualTo(expected);
    }

    /** The first host name of two dots or more, outside an address or a link, that has a provider. */
    private static Optional<Provider> hostNamedIn(String text) {
        int n = text.length();
        for (int start = 0; start < n; start++) {
            if (!isDomainChar(text.charAt(start)) || start > 0 && isDomainChar(text.charAt(start - 1))) {
                continue;
            }
            int end = start;
            while (end < n && isDomainChar(text.charAt(end))) {
                end++;
            }
            String name = text.substring(start, end);
            boolean inAddress = start > 0 && text.charAt(start - 1) == '@' || end < n && text.charAt(end) == '@';
            boolean inUrl = start > 0 && text.charAt(start - 1) == '/' || end < n && text.charAt(end) == '/';
            if (name.chars().filter(c -> c == '.').count() >= 2 && name.chars().anyMatch(Character::isLetter)
                    && !inAddress && !inUrl) {
                Optional<Provider> p = DETECTOR.byHost(name);
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> part = Arbitraries.oneOf(names(), Arbitraries.of(" ", "@", "/", ".", "[", "]", "<", ">", " user@",
                "mx.", "x.y.", "\u00e9", "550 5.1.1 ", "https://"));
        return part.list().ofMinSize(0).ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> known = Arbitraries.of(NAMES);
        Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz019-").ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> noise = Arbitraries.strings().withChars("aZ.-0\u00e9\u212a").ofMinLength(0).ofMaxLength(8);
        return Combinators.combine(known, label, Arbitraries.integers().between(0, 7), noise).as((name, extra, mode, junk) ->
                switch (mode) {
                    case 0 -> name;
                    case 1 -> extra + "." + name;
                    case 2 -> extra + name;
                    case 3 -> name.substring(Math.min(name.length(), extra.length()));
                    case 4 -> (extra + "." + name).toUpperCase(Locale.ROOT) + ".";
                    case 5 -> extra + ".." + name.replace(".", "..");
                    case 6 -> junk + name + junk;
                    default -> junk;
                });
    }
}
