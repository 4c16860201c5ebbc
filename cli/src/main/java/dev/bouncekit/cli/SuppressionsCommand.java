package dev.bouncekit.cli;

import dev.bouncekit.suppression.DurationText;
import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.SuppressionStores;
import dev.bouncekit.suppression.TypedAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.nio.file.AccessDeniedException;

/**
 * {@code bouncekit suppressions}: reads and edits the suppression list the James mailets use,
 * in the same store: a journal file, or a PostgreSQL database by its JDBC URL.
 */
@Command(name = "suppressions", mixinStandardHelpOptions = true,
        description = "List, search, add, remove, import and export the suppression list of the James mailets.",
        subcommands = {SuppressionsCommand.ListEntries.class, SuppressionsCommand.Search.class, SuppressionsCommand.Add.class,
                SuppressionsCommand.Remove.class, SuppressionsCommand.Import.class, SuppressionsCommand.Export.class})
final class SuppressionsCommand implements Runnable {

    /** The CSV header of export and import. */
    static final String HEADER = "address,reason,provider,status,first_seen,last_seen,count,window_start,window_count,suppressed_at,expires_at";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code --store} option of every subcommand, and the store it opens. */
    static final class StoreOption {
        @Option(names = "--store", required = true, paramLabel = "LOCATION",
                description = "The journal file (e.g. /var/james/var/bouncekit/suppressions.journal) or the "
                        + "jdbc:postgresql://HOST[:PORT]/DATABASE?user=...&password=... URL the mailets use.")
        String location;

        /**
         * Opens an existing store only: a journal path that names no file is a mistake when the
         * list is read or edited (opening it would create an empty journal, and its directories,
         * and show an empty list); {@code add} and {@code import} create the journal.
         */
        <T> T withExisting(Function<SuppressionStore, T> work) {
            String trimmed = location == null ? "" : location.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("jdbc:")) {
                try {
                    if (!Files.exists(Path.of(trimmed))) {
                        throw new UserError("no suppression journal at " + trimmed + "; give the journal file the mailets "
                                + "write (their store parameter), or the jdbc:postgresql:// URL of their database");
                    }
                } catch (InvalidPathException e) {
                    // SuppressionStores.open names it
                }
            }
            return with(work);
        }

        <T> T with(Function<SuppressionStore, T> work) {
            SuppressionStore store;
            try {
                store = SuppressionStores.open(location);
            } catch (IllegalArgumentException | StoreUnavailableException e) {
                throw new UserError(e.getMessage());
            }
            try (store) {
                return work.apply(store);
            } catch (StoreUnavailableException e) {
                throw new UserError(e.getMessage());
            }
        }
    }

    abstract static class Listing implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = "--limit", defaultValue = "1000", description = "At most this many entries. Default: ${DEFAULT-VALUE}.")
        int limit;

        @Option(names = "--all", description = "Also the addresses only watched (soft bounces counted, not suppressed yet) and the expired ones.")
        boolean all;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        abstract String contains();

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new UserError("--limit must not be negative, not " + limit);
            }
            Instant now = Instant.now();
            List<Suppression> entries = store.withExisting(s -> s.list(contains(), all ? limit : Integer.MAX_VALUE));
            PrintWriter out = spec.commandLine().getOut();
            int shown = 0;
            for (Suppression e : entries) {
                if (shown >= limit) {
                    break;
                }
                if (!all && !e.isActive(now)) {
                    continue;
                }
                if (shown == 0) {
                    // the columns' names, once there is a row to name (an empty list prints nothing)
                    out.printf("%-40s %-12s %-10s %-6s %5s  %-10s %s%n", "address", "reason", "provider", "status", "count",
                            "state", "expiry");
                }
                out.printf("%-40s %-12s %-10s %-6s %5d  %-10s %s%n", e.address(), e.reason(), dash(e.provider()), dash(e.status()),
                        e.count(), e.isActive(now) ? "suppressed" : e.suppressedAt() == null ? "watched" : "expired",
                        e.isActive(now) ? (e.expiresAt() == null ? "never" : "until " + e.expiresAt()) : "-");
                shown++;
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The suppressed addresses, in address order.")
    static final class ListEntries extends Listing {
        @Override
        String contains() {
            return null;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "The suppressed addresses that contain TEXT (case-insensitive).")
    static final class Search extends Listing {
        @Parameters(index = "0", paramLabel = "TEXT", description = "Part of an address: a domain, a local part.")
        String text;

        @Override
        String contains() {
            return text;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Suppress ADDRESS... by hand.")
    static final class Add implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Parameters(arity = "1..*", paramLabel = "ADDRESS")
        List<String> addresses;

        @Option(names = "--reason", defaultValue = "suppressed",
                description = "A reason owned by the recipient (userunknown, mailboxfull, ...). Default: ${DEFAULT-VALUE}.")
        String reason;

        @Option(names = "--expires", paramLabel = "DURATION", description = "End the suppression after this long (30d, 12h), or never: the default.")
        String expires;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String reasonId = recipientReason(reason);
            Instant now = Instant.now();
            // never, as WebAdmin's expires takes it
            Instant until = expires == null || expires.trim().equalsIgnoreCase("never") ? null : now.plus(duration(expires));
            List<Suppression> entries = new ArrayList<>();
            for (String address : addresses) {
                entries.add(Suppression.manual(address(address), reasonId, now, until));
            }
            store.with(s -> {
                s.putAll(entries);
                return null;
            });
            PrintWriter out = spec.commandLine().getOut();
            entries.forEach(e -> out.println("suppressed " + e.address()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Take ADDRESS... off the list.")
    static final class Remove implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Parameters(arity = "1..*", paramLabel = "ADDRESS")
        List<String> addresses;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> keys = addresses.stream().map(SuppressionsCommand::address).toList();
            List<String> missing = store.withExisting(s -> keys.stream().filter(key -> !s.remove(key)).toList());
            PrintWriter out = spec.commandLine().getOut();
            keys.stream().filter(key -> !missing.contains(key)).forEach(key -> out.println("removed " + key));
            out.flush();
            if (!missing.isEmpty()) {
                throw new UserError("not on the list: " + String.join(", ", missing));
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Every entry, suppressed or watched, as CSV (" + HEADER + "; instants in ISO-8601, UTC).")
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Suppression> entries = store.withExisting(s -> s.list(null, Integer.MAX_VALUE));
            try (Writer writer = output == null ? null : create(output)) {
                PrintWriter out = writer == null ? spec.commandLine().getOut() : new PrintWriter(writer);
                out.println(HEADER);
                for (Suppression e : entries) {
                    out.println(Stream.of(e.address(), e.reason(), blank(e.provider()), blank(e.status()),
                            e.firstSeen().toString(), e.lastSeen().toString(), Long.toString(e.count()),
                            e.windowStart().toString(), Long.toString(e.windowCount()), blank(e.suppressedAt()), blank(e.expiresAt()))
                            .map(SuppressionsCommand::csvField).collect(Collectors.joining(",")));
                }
                out.flush();
            }
            return 0;
        }
    }

    /** Creates (or replaces) the file to export to; what keeps it from being written is a {@link UserError} that names it. */
    static Writer create(Path output) {
        if (Files.isDirectory(output)) {
            throw new UserError("cannot write " + output + ": it is a directory; give --output a file name");
        }
        try {
            return Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Path parent = output.toAbsolutePath().getParent();
            String reason = parent != null && !Files.isDirectory(parent) ? "no such directory: " + parent
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserError("cannot write " + output + ": " + reason + "; give --output a file in a directory you may write");
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the entries of FILE ('-': standard input): a CSV written by export (it replaces the entries of its "
                    + "addresses), or one address a line (blank lines and # comments skipped), suppressed with --reason.")
    static final class Import implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        StoreOption store = new StoreOption();

        @Parameters(index = "0", paramLabel = "FILE")
        String file;

        @Option(names = "--reason", defaultValue = "suppressed", description = "The reason of a plain address list. Default: ${DEFAULT-VALUE}.")
        String reason;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Suppression> entries = read();
            store.with(s -> {
                s.putAll(entries);
                return null;
            });
            spec.commandLine().getOut().println("imported " + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies"));
            spec.commandLine().getOut().flush();
            return 0;
        }

        private List<Suppression> read() throws IOException {
            String reasonId = recipientReason(reason);
            Instant now = Instant.now();
            List<Suppression> entries = new ArrayList<>();
            Path path;
            try {
                path = Path.of(file);
            } catch (InvalidPathException e) {
                throw new UserError("cannot read " + file + ": not a file name (" + e.getReason() + "); give " + EXPECTED_IMPORT);
            }
            try (BufferedReader in = InputFile.open(path, EXPECTED_IMPORT)) {
                String line;
                int number = 0;
                boolean csv = false;
                while ((line = in.readLine()) != null) {
                    number++;
                    String trimmed = line.strip();
                    if (number == 1 && trimmed.startsWith("\uFEFF")) {
                        trimmed = trimmed.substring(1);
                    }
                    if (number == 1 && trimmed.equals(HEADER)) {
                        csv = true;
                        continue;
                    }
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    try {
                        entries.add(csv ? fromCsv(trimmed) : Suppression.manual(TypedAddress.normalize(trimmed), reasonId, now, null));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        throw new UserError(file + ":" + number + ": " + e.getMessage()
                                + (csv ? "" : "; expected one address a line, or a CSV whose first line is " + HEADER));
                    }
                }
            } catch (IOException e) {
                throw InputFile.cannotRead(path, e, EXPECTED_IMPORT);
            }
            return entries;
        }

        private static final String[] COLUMNS = HEADER.split(",");
        private static final String EXPECTED_IMPORT = "one address a line, or a CSV written by 'bouncekit suppressions export'";

        private static Suppression fromCsv(String line) {
            String[] f = csvFields(line);
            if (f.length != 11) {
                throw new IllegalArgumentException(f.length + " fields, expected 11");
            }
            String reason;
            try {
                reason = recipientReason(f[1]);
            } catch (UserError e) {
                throw new IllegalArgumentException(e.getMessage()); // said with the file and line
            }
            return new Suppression(f[0], reason, f[2], f[3], csvInstant(f, 4, true), csvInstant(f, 5, true),
                    csvCount(f, 6), csvInstant(f, 7, true), csvCount(f, 8), csvInstant(f, 9, false), csvInstant(f, 10, false));
        }

        /** Field {@code index} of a CSV row as an instant, said with its column's name when it is none. */
        private static Instant csvInstant(String[] fields, int index, boolean required) {
            String text = fields[index];
            if (text.isEmpty()) {
                if (required) {
                    throw new IllegalArgumentException(COLUMNS[index] + " is empty; give an instant in ISO-8601, UTC,"
                            + " e.g. 2026-12-01T10:00:00Z");
                }
                return null;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(COLUMNS[index] + ": '" + text + "' is not an instant in ISO-8601, UTC;"
                        + " write e.g. 2026-12-01T10:00:00Z");
            }
        }

        /** Field {@code index} of a CSV row as a count, said with its column's name when it is none. */
        private static long csvCount(String[] fields, int index) {
            String text = fields[index];
            try {
                long count = Long.parseLong(text);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(COLUMNS[index] + ": '" + text + "' is not a whole number of 0 or more");
        }
    }

    /** {@code value} as one CSV field (RFC 4180): quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /**
     * The fields of one CSV line (RFC 4180): a field in quotes may hold commas and doubled quotes,
     * as {@link #csvField(String)} and spreadsheets write them.
     *
     * @throws IllegalArgumentException when a quoted field is not closed, or text follows its closing quote
     */
    static String[] csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("a quoted field is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < line.length() && line.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after the closing quote of field " + (fields.size() + 1));
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields.toArray(new String[0]);
            }
            i++; // the comma
        }
    }

    /** The reason's id when the recipient owns it; otherwise a user error that names the reasons that may be given. */
    static String recipientReason(String id) {
        try {
            return Suppression.manualReason(id);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static String address(String text) {
        try {
            return TypedAddress.normalize(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static Duration duration(String text) {
        try {
            return DurationText.parse("--expires", text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static Instant instant(String text) {
        return text.isEmpty() ? null : Instant.parse(text);
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    private static String blank(Object value) {
        return value == null ? "" : value.toString();
    }
}
