package dev.bouncekit.provider;

import dev.bouncekit.text.HostNameLabels;
import dev.bouncekit.text.PhraseIndex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells which provider answered, in a fixed order: a marker in the reply text (such as
 * {@code - gsmtp} or {@code .prod.outlook.com}; case and white space do not matter), then the
 * remote host's name, then a host name the text names (a bracketed MX name, a host in a URL),
 * then the domain of an address the text names, then the recipient's domain. The providers are data: one
 * {@link ProviderFile} each.
 */
public final class ProviderDetector {

    /** A host or domain name: labels of ASCII letters, digits and hyphens joined by dots, perhaps after a dot. */
    private static final Pattern HOST_NAME = Pattern.compile("\\.?[a-z0-9-]+(\\.[a-z0-9-]+)+");

    private static final ProviderDetector BUILT_IN = load();

    private final Map<String, Provider> providers;
    private final List<Optional<Provider>> providerList;
    /** For each marker phrase, the position of its provider in {@link #providerList}. */
    private final int[] markerOwner;
    private final List<String> markerPhrases;
    private final PhraseIndex markers;
    private final ThreadLocal<PhraseIndex.Matches> buffers;
    private final Map<String, Provider> byMailboxDomain = new HashMap<>();
    private final Map<String, Provider> byHostSuffix = new HashMap<>();
    private final SuffixTable mailboxDomains;
    private final SuffixTable hostSuffixes;

    private ProviderDetector(Map<String, Provider> providers) {
        this.providers = providers;
        this.providerList = providers.values().stream().map(Optional::of).toList();
        List<String> phrases = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int position = 0; position < providerList.size(); position++) {
            Provider p = providerList.get(position).get();
            for (String domain : p.domains()) {
                byMailboxDomain.putIfAbsent(domain, p);
            }
            for (String suffix : p.hostSuffixes()) {
                String name = suffix.startsWith(".") ? suffix.substring(1) : suffix;
                while (name.endsWith(".")) {
                    name = name.substring(0, name.length() - 1);
                }
                byHostSuffix.putIfAbsent(name, p);
            }
            for (String marker : p.textMarkers()) {
                phrases.add(bounded(marker));
                owners.add(position);
            }
        }
        this.markerPhrases = List.copyOf(phrases);
        this.markers = PhraseIndex.withoutNames(phrases, p -> false);
        this.buffers = ThreadLocal.withInitial(markers::newMatches);
        this.markerOwner = owners.stream().mapToInt(Integer::intValue).toArray();
        this.mailboxDomains = new SuffixTable(byMailboxDomain);
        this.hostSuffixes = new SuffixTable(byHostSuffix);
    }

    /** The detector over the built-in provider list. */
    public static ProviderDetector builtIn() {
        return BUILT_IN;
    }

    /** Every known provider, in file order. */
    public Collection<Provider> providers() {
        return providers.values();
    }

    /** The provider with this id, in any case; empty for null or an unknown id. */
    public Optional<Provider> byId(String id) {
        return Optional.ofNullable(id == null ? null : providers.get(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * Detects the provider.
     *
     * @param text            the reply text, as it is (its markers are read as the classifier reads
     *                        its phrases: {@link PhraseIndex#scanWithoutNames}), or null
     * @param remoteHost      the answering host, or null
     * @param recipientDomain the recipient's domain, or null
     */
    public Optional<Provider> detect(String text, String remoteHost, String recipientDomain) {
        return detect(firstMarker(text), text, remoteHost, recipientDomain);
    }

    /**
     * The lowest index in {@link #textMarkers()} of a marker {@code text} contains (read as
     * {@link #detect(String, String, String)} reads it), or -1 when it contains none or is null.
     */
    public int firstMarker(String text) {
        int first = -1;
        if (text != null && !text.isEmpty() && markers.size() > 0) {
            PhraseIndex.Matches found = markers.scanWithoutNames(text, buffers.get());
            for (int i = 0; i < found.count(); i++) {
                first = first < 0 ? found.phrase(i) : Math.min(first, found.phrase(i));
            }
        }
        return first;
    }

    /**
     * A provider's text marker as the index reads it: a host or domain name ({@code gmx.de},
     * {@code .protection.outlook.com}) between {@link PhraseIndex#HOST_BOUNDARY host-name boundaries},
     * so that it is not found inside a longer name ({@code notgmx.de}, {@code prodigy.net.mx}); a
     * name that starts with a dot has its boundary in it, and one that does not end in a top-level
     * domain ({@code tmes.trendmicro}) is the start of names and is read on. Any other marker as it is.
     */
    private static String bounded(String marker) {
        if (!HOST_NAME.matcher(marker).matches()) {
            return marker;
        }
        String leading = marker.startsWith(".") ? "" : PhraseIndex.HOST_BOUNDARY;
        String trailing = HostNameLabels.endsInTopLevelDomain(marker) ? PhraseIndex.HOST_BOUNDARY : "";
        return leading + marker + trailing;
    }

    /**
     * The text markers of every provider, in detection order, as {@link PhraseIndex} phrases (a host
     * or domain name between {@link PhraseIndex#HOST_BOUNDARY host-name boundaries}): marker {@code i}
     * names the provider of every marker after it up to the next provider's, and an earlier marker wins.
     */
    public List<String> textMarkers() {
        return markerPhrases;
    }

    /**
     * {@link #detect(String, String, String)} for a caller that has already looked for the
     * {@link #textMarkers()} in {@code text}, such as in one pass with other phrases.
     *
     * @param firstMarker the lowest index in {@link #textMarkers()} of a marker the text contains,
     *                    or -1 when it contains none
     */
    public Optional<Provider> detect(int firstMarker, String text, String remoteHost, String recipientDomain) {
        if (firstMarker >= 0) {
            return providerList.get(markerOwner[firstMarker]);
        }
        if (remoteHost != null) {
            Optional<Provider> p = byHost(remoteHost);
            if (p.isPresent()) {
                return p;
            }
        }
        if (text != null) {
            Optional<Provider> named = byNameIn(text);
            if (named.isPresent()) {
                return named;
            }
        }
        return recipientDomain == null ? Optional.empty() : byDomain(recipientDomain);
    }

    /**
     * The provider whose MX hosts {@code host} belongs to: the host itself or its nearest parent
     * domain listed as a host suffix ({@code .google.com} matches {@code x.l.google.com} and
     * {@code google.com}), in any case and with or without the trailing dot of a fully qualified name;
     * empty for null.
     */
    public Optional<Provider> byHost(String host) {
        return host == null ? Optional.empty() : byHost(host, 0, host.length());
    }

    /**
     * {@link #byHost(String)} of {@code text[from, to)}, without copying it when the characters
     * read of it (from its end) are ASCII.
     */
    private Optional<Provider> byHost(String text, int from, int to) {
        int end = to;
        while (end > from && text.charAt(end - 1) == '.') {
            end--;
        }
        Optional<Provider> walked = end > from ? hostSuffixes.longest(text, from, end) : null;
        if (walked != SuffixTable.NOT_ASCII) {
            return walked != null ? walked : Optional.empty();
        }
        String h = text.substring(from, to).toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (int at = 0; at >= 0 && at < h.length(); at = nextLabel(h, at)) {
            Provider p = byHostSuffix.get(at == 0 ? h : h.substring(at));
            if (p != null) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The provider of the first host name (two dots or more) the text names outside an address or a link (a help
     * page names the provider that wrote the bounce, not the one that refused it), such as
     * {@code [BN8NAM12FT062.eop-nam12.prod.protection.outlook.com]} or {@code mx3.mail.ru}; when no such name has
     * one, the provider of the first address domain (after an {@code @}, with a dot) that has one.
     */
    private Optional<Provider> byNameIn(String text) {
        int n = text.length();
        Optional<Provider> address = null;
        // A host name or an address domain holds a dot: the intrinsic indexOf finds the dots, and
        // only the names around them are read, each once (the scan goes on after the end of the
        // last one read), and each character of a name once: back from its first dot (no dot stands
        // there), then on from it. A name is a run of ASCII letters, digits, dots and hyphens.
        int i = 0;
        for (int dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', i)) {
            if (dot + 1 == n || !isDomainChar(text.charAt(dot + 1))) {
                i = dot + 1;  // a dot that ends a name with no dot before it, such as a sentence's: no name
                continue;
            }
            boolean letter = false;
            int start = dot;
            while (start > i) {
                char c = text.charAt(start - 1);
                if (!isDomainChar(c)) {
                    break;
                }
                letter |= c >= 'A';
                start--;
            }
            int dots = 0;
            i = dot;
            while (i < n) {
                char c = text.charAt(i);
                if (!isDomainChar(c)) {
                    break;
                }
                dots += c == '.' ? 1 : 0;
                letter |= c >= 'A';
                i++;
            }
            int end = i;
            while (end > start && text.charAt(end - 1) == '.') {
                end--;
            }
            boolean afterAt = start > 0 && text.charAt(start - 1) == '@';
            if (afterAt) {
                if (address == null && dots > i - end) {  // a dot before the trailing ones
                    address = mailboxDomains.longest(text, start, end);
                }
                continue;
            }
            boolean inAddress = i < n && text.charAt(i) == '@';
            boolean inUrl = start > 0 && text.charAt(start - 1) == '/' || i < n && text.charAt(i) == '/';
            if (dots >= 2 && letter && !inAddress && !inUrl) {
                Optional<Provider> p = hostSuffixes.longest(text, start, end);
                if (p != null) {
                    return p;
                }
            }
        }
        return address != null ? address : Optional.empty();
    }

    private static int nextLabel(String host, int from) {
        int dot = host.indexOf('.', from);
        return dot < 0 ? -1 : dot + 1;
    }

    /** The ASCII letters, digits, {@code .} and {@code -}, one bit per character: characters 0 to 63, then 64 to 127. */
    private static final long DOMAIN_CHARS_LOW = 0x03ff_6000_0000_0000L;
    private static final long DOMAIN_CHARS_HIGH = 0x07ff_fffe_07ff_fffeL;

    /**
     * An ASCII letter or digit, {@code .} or {@code -}: by one bit of a mask, not five ranges (a
     * {@code long} shift takes its distance modulo 64, so {@code 1L << c} is the bit within either half).
     */
    private static boolean isDomainChar(char c) {
        return c < 128 && ((c < 64 ? DOMAIN_CHARS_LOW : DOMAIN_CHARS_HIGH) & 1L << c) != 0;
    }

    /**
     * The provider hosting mailboxes of {@code domain}, or of a parent domain, in any case and with or
     * without the trailing dot of a fully qualified name ({@code GMAIL.COM.} is {@code gmail.com}); empty
     * for null.
     */
    public Optional<Provider> byDomain(String domain) {
        return domain == null ? Optional.empty() : byDomain(domain, 0, domain.length());
    }

    /**
     * {@link #byDomain(String)} of {@code text[from, to)}, without copying it when the characters
     * read of it (from its end) are ASCII.
     */
    private Optional<Provider> byDomain(String text, int from, int to) {
        while (to > from && text.charAt(to - 1) == '.') {
            to--;
        }
        if (to == from) {
            return Optional.empty();
        }
        Optional<Provider> walked = mailboxDomains.longest(text, from, to);
        if (walked != SuffixTable.NOT_ASCII) {
            return walked != null ? walked : Optional.empty();
        }
        String d = text.substring(from, to).toLowerCase(Locale.ROOT);
        while (true) {
            Provider p = byMailboxDomain.get(d);
            if (p != null) {
                return Optional.of(p);
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            d = d.substring(dot + 1);
        }
    }

    private static ProviderDetector load() {
        Map<String, Provider> out = new LinkedHashMap<>();
        for (ProviderFile file : ProviderFiles.builtIn()) {
            out.put(file.provider().id(), file.provider());
        }
        return new ProviderDetector(out);
    }
}
