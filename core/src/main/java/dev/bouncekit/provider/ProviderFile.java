package dev.bouncekit.provider;

import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything bouncekit knows of one provider, read from one {@code ID.provider} file: how to
 * recognise its replies, what its own wording and status codes mean, and the replies it sends.
 *
 * <p>The format, in sections:
 * <pre>
 * # comment (anywhere)
 * [provider]
 * name: Gmail / Google Workspace
 * text: - gsmtp | support.google.com/mail     # fragments only its replies contain
 * host: .google.com                           # suffixes of its MX / answering host names
 * domain: gmail.com | googlemail.com          # mailbox domains it hosts
 *
 * [phrases]                                   # rules file syntax (RuleSet), for this provider only
 * the email account that you tried to reach is disabled => suspend
 *
 * [codes]                                     # its own enhanced status codes: code reason
 * 5.7.26 authfailure                          # X.7.26 for both classes
 *
 * [catalog]                                   # its replies, exactly as sent (Catalog syntax)
 * id: gmail/user-unknown
 * ...
 * </pre>
 * Any other section, a field outside {@code [provider]}, an unknown reason or code, or a catalog
 * id of another provider fails to load with the file name and line.
 *
 * @param provider the provider's identity and markers
 * @param fileName the file name, e.g. {@code gmail.provider}
 * @param phrases  the {@code [phrases]} section in rules file syntax, headed {@code [ID]}, other
 *                 lines blank so that line numbers match the file
 * @param catalog  the {@code [catalog]} section in catalog syntax, other lines blank
 * @param codes    the {@code [codes]} section: enhanced status code (class 4, 5 or X) to reason
 */
public record ProviderFile(Provider provider, String fileName, String phrases, String catalog,
                           Map<String, Reason> codes) {

    private static final List<String> SECTIONS = List.of("provider", "phrases", "codes", "catalog");
    private static final List<String> FIELDS = List.of("name", "text", "host", "domain");

    public ProviderFile {
        codes = Map.copyOf(codes);
    }

    /**
     * Reads one provider file.
     *
     * @param fileName its name, {@code ID.provider}; the id is the name without the extension
     * @param content  the whole file
     * @throws IllegalArgumentException naming {@code fileName:line} at fault
     */
    public static ProviderFile parse(String fileName, String content) {
        if (!fileName.endsWith(".provider")) {
            throw new IllegalArgumentException(fileName + ": a provider file is named ID.provider");
        }
        String id = fileName.substring(fileName.lastIndexOf('/') + 1, fileName.length() - ".provider".length());
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException(fileName + ": a provider id is lower-case letters, digits and '-', not '" + id + "'");
        }
        String[] lines = content.split("\r?\n", -1);
        StringBuilder phrases = new StringBuilder();
        StringBuilder catalog = new StringBuilder();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Map<String, Reason> codes = new LinkedHashMap<>();
        String section = null;
        for (int i = 0; i < lines.length; i++) {
            String where = fileName + ":" + (i + 1);
            String line = lines[i];
            String t = line.trim();
            String phraseLine = "";
            String catalogLine = "";
            if (t.startsWith("[") && t.endsWith("]") && !t.contains("=>")) {
                section = t.substring(1, t.length() - 1).trim().toLowerCase(Locale.ROOT);
                if (!SECTIONS.contains(section)) {
                    throw new IllegalArgumentException(where + ": unknown section [" + section + "]; sections are " + SECTIONS);
                }
                if (section.equals("phrases")) {
                    phraseLine = "[" + id + "]";
                }
            } else if (!t.isEmpty() && !t.startsWith("#")) {
                if (section == null) {
                    throw new IllegalArgumentException(where + ": expected a section such as [provider] first");
                }
                switch (section) {
                    case "provider" -> field(where, t, fields);
                    case "phrases" -> phraseLine = line;
                    case "codes" -> code(where, t, codes);
                    default -> {
                        catalogLine = line;
                        if (t.toLowerCase(Locale.ROOT).startsWith("id:")) {
                            String entry = t.substring(3).trim().toLowerCase(Locale.ROOT);
                            if (!entry.startsWith(id + "/")) {
                                throw new IllegalArgumentException(where + ": catalog id '" + entry
                                        + "' belongs to another provider; ids here start with '" + id + "/'");
                            }
                        }
                    }
                }
            } else if ("catalog".equals(section)) {
                catalogLine = line.startsWith("#") ? "" : line;
            }
            phrases.append(phraseLine).append('\n');
            catalog.append(catalogLine).append('\n');
        }
        if (!fields.containsKey("name")) {
            throw new IllegalArgumentException(fileName + ": the [provider] section needs a 'name:' line");
        }
        Provider provider = new Provider(id, String.join(" ", fields.get("name")),
                lower(fields.getOrDefault("text", List.of())), lower(fields.getOrDefault("host", List.of())),
                lower(fields.getOrDefault("domain", List.of())));
        return new ProviderFile(provider, fileName, phrases.toString(), catalog.toString(), codes);
    }

    /** The provider's own meaning of {@code status}, if its file gives one; empty for null. */
    public Optional<Reason> reasonOf(EnhancedStatusCode status) {
        if (status == null) {
            return Optional.empty();
        }
        Reason exact = codes.get(status.toString());
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(codes.get("X." + status.subject() + "." + status.detail()));
    }

    private static void field(String where, String t, Map<String, List<String>> fields) {
        int colon = t.indexOf(':');
        String key = colon <= 0 ? "" : t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (!FIELDS.contains(key)) {
            throw new IllegalArgumentException(where + ": expected 'field: a | b' with a field of " + FIELDS + ", got '" + t + "'");
        }
        List<String> values = new ArrayList<>(fields.getOrDefault(key, List.of()));
        for (String v : t.substring(colon + 1).split("\\|")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        fields.put(key, values);
    }

    private static void code(String where, String t, Map<String, Reason> codes) {
        String[] parts = t.split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException(where + ": a code line is 'status reason', e.g. '5.7.26 authfailure', got '" + t + "'");
        }
        String code = parts[0].toUpperCase(Locale.ROOT);
        String check = code.startsWith("X.") ? "5" + code.substring(1) : code;
        if (EnhancedStatusCode.parse(check).isEmpty() || !code.matches("[45X]\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException(where + ": '" + parts[0] + "' is not an enhanced status code such as 5.7.26 or X.7.26");
        }
        Reason reason = Reason.parse(parts[1]).orElseThrow(() ->
                new IllegalArgumentException(where + ": unknown reason '" + parts[1] + "'"));
        if (codes.putIfAbsent(code, reason) != null) {
            throw new IllegalArgumentException(where + ": code " + code + " is listed twice");
        }
    }

    private static List<String> lower(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            out.add(v.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
        return out;
    }
}
