package dev.bouncekit.rules;

import dev.bouncekit.taxonomy.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Cause over symptom: for a symptom reason ({@code ratelimited}, {@code blocked}, ...) the reasons
 * that name its cause ({@code authfailure}, {@code badreputation}, ...). When one reply names both,
 * the cause decides. Data: {@code /dev/bouncekit/rules/causes.tsv}.
 */
public final class CauseTable {

    private static final String RESOURCE = "/dev/bouncekit/rules/causes.tsv";
    private static final CauseTable BUILT_IN = load();

    private final Map<Reason, Set<Reason>> causes;

    private CauseTable(Map<Reason, Set<Reason>> causes) {
        this.causes = causes;
    }

    /** The built-in table. */
    public static CauseTable builtIn() {
        return BUILT_IN;
    }

    /** The reasons that, found in the same reply, decide over {@code symptom}; empty when none. */
    public Set<Reason> causesOf(Reason symptom) {
        return causes.getOrDefault(symptom, Set.of());
    }

    /** Every symptom the table lists. */
    public Set<Reason> symptoms() {
        return causes.keySet();
    }

    private static CauseTable load() {
        InputStream in = CauseTable.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("cause table missing from the class path: " + RESOURCE);
        }
        Map<Reason, Set<Reason>> out = new EnumMap<>(Reason.class);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String where = "causes.tsv:" + number;
                String[] columns = t.split("\t");
                if (columns.length != 2) {
                    throw new IllegalStateException(where + ": expected 'symptom<TAB>cause cause ...'");
                }
                Set<Reason> set = EnumSet.noneOf(Reason.class);
                for (String cause : columns[1].trim().split("\\s+")) {
                    set.add(reason(where, cause));
                }
                out.put(reason(where, columns[0].trim()), Collections.unmodifiableSet(set));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CauseTable(Collections.unmodifiableMap(out));
    }

    private static Reason reason(String where, String name) {
        return Reason.parse(name).orElseThrow(() -> new IllegalStateException(where + ": unknown reason '" + name + "'"));
    }
}
