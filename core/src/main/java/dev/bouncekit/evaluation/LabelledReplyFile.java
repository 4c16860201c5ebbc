package dev.bouncekit.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads labelled reply files: tab-separated, a header line naming the columns ({@code id, reply,
 * stage, remote_host, reason, hard, provider}; {@code reply} and {@code reason} required, others
 * optional, extra columns ignored), fields optionally quoted with {@code "} and {@code ""} inside.
 * UTF-8, with or without a byte order mark.
 */
public final class LabelledReplyFile {

    private LabelledReplyFile() {
    }

    /** Reads {@code file}. */
    public static List<LabelledReply> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        }
    }

    /**
     * Reads rows from {@code reader}; {@code sourceName} names the source in errors.
     *
     * @throws IllegalArgumentException when the header lacks a required column
     */
    public static List<LabelledReply> read(String sourceName, Reader reader) throws IOException {
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String headerLine = lines.readLine();
        if (headerLine == null) {
            throw new IllegalArgumentException(sourceName + ": empty file; expected a header line");
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);  // a file saved "UTF-8 with BOM", as spreadsheets export it
        }
        List<String> header = fields(headerLine);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("reply", "reason")) {
            String separator = header.size() == 1 ? otherSeparator(headerLine, required) : null;
            if (separator != null) {
                // a CSV: "missing column 'reply'" would name a column the user sees in the header
                throw new IllegalArgumentException(sourceName + ":1: no tab in the header line; the columns of a labelled"
                        + " file are separated by tabs, not " + separator + " (save it as tab-separated text)");
            }
            if (!columns.containsKey(required)) {
                throw new IllegalArgumentException(sourceName + ":1: missing column '" + required
                        + "'; expected id, reply, stage, remote_host, reason, hard, provider");
            }
        }
        List<LabelledReply> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            rows.add(new LabelledReply(number, get(f, columns, "id"), get(f, columns, "reply"), get(f, columns, "stage"),
                    get(f, columns, "remote_host"), get(f, columns, "reason"), get(f, columns, "hard"),
                    get(f, columns, "provider")));
        }
        return rows;
    }

    /** "commas" or "semicolons" when {@code headerLine} names {@code column} between them, else null. */
    private static String otherSeparator(String headerLine, String column) {
        for (String separator : new String[] {",", ";"}) {
            for (String name : headerLine.split(separator)) {
                if (name.strip().replace("\"", "").equalsIgnoreCase(column)) {
                    return separator.equals(",") ? "commas" : "semicolons";
                }
            }
        }
        return null;
    }

    private static String get(List<String> fields, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }

    /** Splits one line into fields. */
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
                    if (c == '"' && i + 1 < n && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        i++;
                        break;
                    } else {
                        field.append(c);
                        i++;
                    }
                }
            }
            while (i < n && line.charAt(i) != '\t') {
                field.append(line.charAt(i++));
            }
            out.add(field.toString());
            i++;
        }
        return out;
    }
}
