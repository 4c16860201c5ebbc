package dev.bouncekit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a labelled reply file (columns {@code id, reply, stage, remote_host, reason, hard,
 * provider}, more allowed): tab-separated, first line the header, fields optionally quoted with
 * {@code "} and {@code ""} inside.
 */
final class LabelledTsv {

    /** One labelled row. */
    record Row(int line, String id, String reply, String stage, String remoteHost, String reason, String hard,
               String provider) {
    }

    private LabelledTsv() {
    }

    static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty file; expected a header line");
        }
        List<String> header = fields(lines.get(0));
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(java.util.Locale.ROOT), i);
        }
        for (String required : List.of("reply", "reason")) {
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException(file + ":1: missing column '" + required
                        + "'; expected id, reply, stage, remote_host, reason, hard, provider");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> f = fields(lines.get(n));
            rows.add(new Row(n + 1, get(f, columns, "id"), get(f, columns, "reply"), get(f, columns, "stage"),
                    get(f, columns, "remote_host"), get(f, columns, "reason"), get(f, columns, "hard"),
                    get(f, columns, "provider")));
        }
        return rows;
    }

    private static String get(List<String> fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i <= n) {
            StringBuilder field = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                while (i < n && line.charAt(i) != '\t') {
                    field.append(line.charAt(i++));
                }
            } else {
                while (i < n && line.charAt(i) != '\t') {
                    field.append(line.charAt(i++));
                }
            }
            out.add(field.toString());
            i++;
        }
        return out;
    }
}
