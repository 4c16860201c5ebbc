package dev.bouncekit.catalog;

import dev.bouncekit.provider.ProviderFile;
import dev.bouncekit.provider.ProviderFiles;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The provider replies bouncekit knows, exactly as sent. Feeds the fake receiver, the
 * provider-matrix tests and the classifier's own tests.
 *
 * <p>File format ({@code /dev/bouncekit/catalog/catalog.txt}): entries separated by blank lines;
 * each has {@code key: value} lines ({@code id}, {@code stage}, {@code reason}, {@code hard},
 * {@code description}, {@code source}) and one {@code | }-prefixed line per wire line, kept
 * byte for byte after the {@code "| "}.
 */
public final class Catalog {

    private static final String RESOURCE = "/dev/bouncekit/catalog/catalog.txt";
    private static final Catalog BUILT_IN = loadBuiltIn();

    private final Map<String, CatalogEntry> entries;

    private Catalog(Map<String, CatalogEntry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The catalog that ships with bouncekit. */
    public static Catalog builtIn() {
        return BUILT_IN;
    }

    /** All entries in file order. */
    public List<CatalogEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry with this id ({@code gmail/user-unknown}), case-insensitive. */
    public Optional<CatalogEntry> byId(String id) {
        return Optional.ofNullable(id == null ? null : entries.get(id.trim().toLowerCase(Locale.ROOT)));
    }

    /** The entries of one provider. */
    public List<CatalogEntry> byProvider(String provider) {
        List<CatalogEntry> out = new ArrayList<>();
        for (CatalogEntry e : entries.values()) {
            if (e.provider().equalsIgnoreCase(provider)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /**
     * Reads a catalog in the documented format.
     *
     * @throws IllegalArgumentException naming the source, line and field at fault
     */
    public static Catalog parse(String sourceName, Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Map<String, CatalogEntry> out = new LinkedHashMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> wire = new ArrayList<>();
        int number = 0;
        int startLine = 1;
        String line;
        while (true) {
            line = lines.readLine();
            number++;
            if (line == null || line.isBlank()) {
                if (!fields.isEmpty() || !wire.isEmpty()) {
                    CatalogEntry e = entry(sourceName + ":" + startLine, fields, wire);
                    if (out.putIfAbsent(e.id(), e) != null) {
                        throw new IllegalArgumentException(sourceName + ":" + startLine + ": duplicate id " + e.id());
                    }
                    fields = new LinkedHashMap<>();
                    wire = new ArrayList<>();
                }
                if (line == null) {
                    break;
                }
                startLine = number + 1;
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("| ") || line.equals("|")) {
                wire.add(line.length() > 2 ? line.substring(2) : "");
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(sourceName + ":" + number
                        + ": expected 'key: value' or '| reply line', got '" + line + "'");
            }
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return new Catalog(out);
    }

    private static CatalogEntry entry(String where, Map<String, String> fields, List<String> wire) {
        String id = required(where, fields, "id").toLowerCase(Locale.ROOT);
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1) {
            throw new IllegalArgumentException(where + ": id must be provider/name, not '" + id + "'");
        }
        SmtpStage stage = SmtpStage.parse(required(where, fields, "stage")).orElseThrow(() ->
                new IllegalArgumentException(where + ": stage must be CONNECT, EHLO, MAIL, RCPT or DATA"));
        Reason reason = Reason.parse(required(where, fields, "reason")).orElseThrow(() ->
                new IllegalArgumentException(where + ": unknown reason '" + fields.get("reason") + "'"));
        if (wire.isEmpty()) {
            throw new IllegalArgumentException(where + ": entry " + id + " has no '| ' reply lines");
        }
        boolean hard = fields.containsKey("hard")
                ? Boolean.parseBoolean(fields.get("hard"))
                : reason.isHard(wire.get(0).startsWith("5"));
        return new CatalogEntry(id, id.substring(0, slash), stage, wire, reason, hard,
                fields.getOrDefault("description", ""), fields.getOrDefault("source", ""));
    }

    private static String required(String where, Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + ": missing field '" + key + "'");
        }
        return value;
    }

    private static Catalog loadBuiltIn() {
        InputStream in = Catalog.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("catalog missing from the class path: " + RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Map<String, CatalogEntry> all = new LinkedHashMap<>(parse("catalog.txt", reader).entries);
            for (ProviderFile file : ProviderFiles.builtIn()) {
                for (CatalogEntry e : parse(file.fileName(), new StringReader(file.catalog())).entries.values()) {
                    if (all.putIfAbsent(e.id(), e) != null) {
                        throw new IllegalStateException(file.fileName() + ": catalog id " + e.id() + " is defined twice");
                    }
                }
            }
            return new Catalog(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
