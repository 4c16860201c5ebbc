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
 * Reads a table of reasons: one reason, a tab, then reasons separated by spaces ({@code *} for
 * every reason); {@code #} starts a comment line. An unknown reason or a malformed line fails with
 * {@code file:line}.
 */
final class ReasonTableFile {

    private ReasonTableFile() {
    }

    /** The table in the class-path resource {@code /dev/bouncekit/rules/NAME}, keyed by its first column. */
    static Map<Reason, Set<Reason>> read(String name, String columns) {
        String resource = "/dev/bouncekit/rules/" + name;
        InputStream in = ReasonTableFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("reason table missing from the class path: " + resource);
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
                String where = name + ":" + number;
                String[] cells = t.split("\t");
                if (cells.length != 2) {
                    throw new IllegalStateException(where + ": expected '" + columns + "'");
                }
                Set<Reason> set = EnumSet.noneOf(Reason.class);
                for (String reason : cells[1].trim().split("\\s+")) {
                    if (reason.equals("*")) {
                        set.addAll(EnumSet.allOf(Reason.class));
                    } else {
                        set.add(reason(where, reason));
                    }
                }
                Reason key = reason(where, cells[0].trim());
                if (out.put(key, Collections.unmodifiableSet(set)) != null) {
                    throw new IllegalStateException(where + ": '" + key.id() + "' is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Reason reason(String where, String name) {
        return Reason.parse(name).orElseThrow(() -> new IllegalStateException(where + ": unknown reason '" + name + "'"));
    }
}
