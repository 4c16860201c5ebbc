package dev.bouncekit.cli;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.SuppressionStores;
import dev.bouncekit.suppression.testing.PostgresExtension;
import dev.bouncekit.suppression.testing.PostgresServer;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresExtension.class)
class SuppressionsCommandTest {

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** The header line of {@code list} and {@code search}, the names docs/suppression.md gives the columns. */
    private static final String HEADER = "address                                  reason       provider   status count  state      expiry";

    private String journal() {
        return dir.resolve("var/bouncekit/suppressions.journal").toString();
    }

    @Test
    void add_list_search_and_remove_on_the_journal() {
        assertThat(run("suppressions", "add", "--store", journal(), "Ghost@Gmail.com", "gone@example.org").status()).isZero();
        assertThat(run("suppressions", "add", "--store", journal(), "--reason", "mailboxfull", "--expires", "30d", "full@example.org")
                .out()).isEqualTo("suppressed full@example.org\n");

        CommandRun list = run("suppressions", "list", "--store", journal());
        assertThat(list.status()).isZero();
        assertThat(list.lines()).hasSize(4);
        assertThat(list.lines().get(0)).isEqualTo(HEADER);
        assertThat(list.lines().get(1)).startsWith("full@example.org").contains("mailboxfull").contains("until ");
        assertThat(list.lines().get(2)).startsWith("ghost@gmail.com").contains("suppressed").endsWith("never");
        assertThat(run("suppressions", "search", "--store", journal(), "EXAMPLE.org").lines()).hasSize(3).first().isEqualTo(HEADER);

        CommandRun remove = run("suppressions", "remove", "--store", journal(), "gone@example.org", "nobody@example.org");
        assertThat(remove.status()).isEqualTo(1);
        assertThat(remove.out()).isEqualTo("removed gone@example.org\n");
        assertThat(remove.err().strip()).isEqualTo("bouncekit suppressions remove: not on the list: nobody@example.org");
        assertThat(run("suppressions", "list", "--store", journal()).lines()).hasSize(3);
    }

    /** The columns were printed without names, so that a count could not be told from a status; a header names them. */
    @Test
    void list_and_search_name_their_columns_in_a_header_line() {
        run("suppressions", "add", "--store", journal(), "--reason", "userunknown", "bob@example.org");

        CommandRun list = run("suppressions", "list", "--store", journal());

        assertThat(list.lines()).containsExactly(HEADER, String.format("%-40s %-12s %-10s %-6s %5d  %-10s %s",
                "bob@example.org", "userunknown", "-", "-", 0, "suppressed", "never"));
        assertThat(HEADER.indexOf("count") + "count".length()).isEqualTo(list.lines().get(1).indexOf("0  suppressed") + 1);
        assertThat(run("suppressions", "search", "--store", journal(), "bob").lines()).first().isEqualTo(HEADER);
        assertThat(run("suppressions", "search", "--store", journal(), "nobody").out()).as("no match, no header").isEmpty();
    }

    @Test
    void list_shows_watched_addresses_with_all_only() {
        try (SuppressionStore store = SuppressionStores.open(journal())) {
            store.record(new Bounce("full@example.org", Reason.MAILBOXFULL, null, "4.2.2", Instant.now()), SuppressionPolicy.defaults());
        }
        assertThat(run("suppressions", "list", "--store", journal()).out()).isEmpty();
        assertThat(run("suppressions", "list", "--all", "--store", journal()).out()).contains("full@example.org").contains("watched");
    }

    @Test
    void export_then_import_copies_the_journal_into_postgresql(PostgresServer server) throws IOException {
        String url = server.newDatabase();
        try (SuppressionStore store = SuppressionStores.open(journal())) {
            store.record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", Instant.parse("2026-12-01T10:00:00Z")),
                    SuppressionPolicy.defaults());
        }
        Path csv = dir.resolve("list.csv");
        assertThat(run("suppressions", "export", "--store", journal(), "-o", csv.toString()).status()).isZero();
        assertThat(Files.readAllLines(csv)).containsExactly(SuppressionsCommand.HEADER,
                "ghost@gmail.com,userunknown,gmail,5.1.1,2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,1,2026-12-01T10:00:00Z,1,2026-12-01T10:00:00Z,");

        CommandRun imported = run("suppressions", "import", "--store", url, csv.toString());

        assertThat(imported.out()).isEqualTo("imported 1 entry\n");
        CommandRun export = run("suppressions", "export", "--store", url);
        assertThat(export.out()).isEqualTo(Files.readString(csv));
    }

    @Test
    void export_quotes_what_csv_must_quote_and_import_reads_it_back() throws IOException {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        try (SuppressionStore store = SuppressionStores.open(journal())) {
            // a quoted local part may hold a comma and a quote; James's MailAddress takes both
            store.record(new Bounce("\"smith,john\"@example.com", Reason.USERUNKNOWN, null, "5.1.1", at), SuppressionPolicy.defaults());
            store.record(new Bounce("J\u00fcrgen@B\u00fccher.DE", Reason.HASMOVED, null, "5.1.6", at), SuppressionPolicy.defaults());
        }
        Path csv = dir.resolve("list.csv");
        assertThat(run("suppressions", "export", "--store", journal(), "-o", csv.toString()).status()).isZero();
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).containsExactly(SuppressionsCommand.HEADER,
                "\"\"\"smith,john\"\"@example.com\",userunknown,,5.1.1,2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,1,"
                        + "2026-12-01T10:00:00Z,1,2026-12-01T10:00:00Z,",
                "j\u00fcrgen@b\u00fccher.de,hasmoved,,5.1.6,2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,1,2026-12-01T10:00:00Z,1,"
                        + "2026-12-01T10:00:00Z,");

        String copy = dir.resolve("copy/suppressions.journal").toString();
        CommandRun imported = run("suppressions", "import", "--store", copy, csv.toString());

        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).isEqualTo("imported 2 entries\n");
        assertThat(run("suppressions", "export", "--store", copy).out()).isEqualTo(Files.readString(csv, StandardCharsets.UTF_8));
    }

    /** {@code a@@b.test} was kept as local part {@code a@} at {@code b.test}: split at the last {@code @}, it passed. */
    @Test
    void add_refuses_an_address_with_two_at_signs_or_without_a_local_part_or_domain() {
        assertOneLineError(run("suppressions", "add", "--store", journal(), "ok@example.org", "a@@b.test"),
                "bouncekit suppressions add: not an address: 'a@@b.test' (more than one @ outside quotes; expected local@domain)");
        assertOneLineError(run("suppressions", "add", "--store", journal(), "a@b@c.test"),
                "bouncekit suppressions add: not an address: 'a@b@c.test' (more than one @ outside quotes; expected local@domain)");
        assertOneLineError(run("suppressions", "add", "--store", journal(), "@b.test"),
                "bouncekit suppressions add: not an address: '@b.test' (expected local@domain)");
        assertOneLineError(run("suppressions", "add", "--store", journal(), "a@"),
                "bouncekit suppressions add: not an address: 'a@' (expected local@domain)");
        assertThat(run("suppressions", "list", "--store", journal()).out()).as("nothing written").isEmpty();

        CommandRun quoted = run("suppressions", "add", "--store", journal(), "\"a@b\"@example.org");
        assertThat(quoted.status()).as(quoted.err()).isZero();
        assertThat(quoted.out()).isEqualTo("suppressed \"a@b\"@example.org\n");
    }

    @Test
    void import_of_a_plain_list_refuses_an_address_with_two_at_signs() throws IOException {
        Path list = Files.writeString(dir.resolve("list.txt"), "ok@example.org\na@@b.test\n");

        assertOneLineError(run("suppressions", "import", "--store", journal(), list.toString()), "bouncekit suppressions import: "
                + list + ":2: not an address: 'a@@b.test' (more than one @ outside quotes; expected local@domain)");
    }

    /** A number without its unit is answered with the units, not with "not a positive duration". */
    @Test
    void an_expiry_without_a_unit_is_answered_with_the_units() {
        CommandRun add = run("suppressions", "add", "--store", journal(), "--expires", "30", "busy@example.org");

        assertThat(add.status()).isEqualTo(1);
        assertThat(add.err().strip()).isEqualTo("bouncekit suppressions add: --expires: '30' has no unit; give one, e.g. 30s, 30m, 30h or 30d");
    }

    /** {@code never}, the default, can be written out, as WebAdmin's {@code expires=never} and the docs take it. */
    @Test
    void add_takes_never_as_the_expiry() throws IOException {
        CommandRun add = run("suppressions", "add", "--store", journal(), "--expires", "never", "kept@example.org");

        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("suppressed kept@example.org\n");
        try (SuppressionStore store = SuppressionStores.open(journal())) {
            assertThat(store.find("kept@example.org")).get().satisfies(entry -> assertThat(entry.expiresAt()).isNull());
        }
        assertThat(run("suppressions", "list", "--store", journal()).lines()).hasSize(2).last().asString().endsWith("never");
    }

    @Test
    void import_reads_a_csv_a_spreadsheet_saved_with_every_field_quoted() throws IOException {
        Path csv = Files.writeString(dir.resolve("saved.csv"), SuppressionsCommand.HEADER + "\r\n"
                + "\"ghost@gmail.com\",\"userunknown\",\"gmail\",\"5.1.1\",\"2026-12-01T10:00:00Z\",\"2026-12-01T10:00:00Z\",\"1\","
                + "\"2026-12-01T10:00:00Z\",\"1\",\"2026-12-01T10:00:00Z\",\"\"\r\n", StandardCharsets.UTF_8);

        assertThat(run("suppressions", "import", "--store", journal(), csv.toString()).out()).isEqualTo("imported 1 entry\n");
        try (SuppressionStore store = SuppressionStores.open(journal())) {
            assertThat(store.find("ghost@gmail.com")).get().satisfies(entry -> {
                assertThat(entry.provider()).isEqualTo("gmail");
                assertThat(entry.status()).isEqualTo("5.1.1");
                assertThat(entry.expiresAt()).isNull();
            });
        }
    }

    @Test
    void an_unterminated_quote_in_a_csv_is_a_user_error() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), SuppressionsCommand.HEADER + "\n"
                + "\"ghost@gmail.com,userunknown,,,2026-12-01T10:00:00Z,2026-12-01T10:00:00Z,1,2026-12-01T10:00:00Z,1,,\n",
                StandardCharsets.UTF_8);

        CommandRun run = run("suppressions", "import", "--store", journal(), csv.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("bouncekit suppressions import: " + csv + ":2: a quoted field is not closed");
    }

    /** A bad row of a CSV names the file, the line and the column, as a bad line of a plain list does. */
    @Test
    void a_bad_row_of_a_csv_names_file_line_and_column() throws IOException {
        String good = "2026-12-01T10:00:00Z";
        String[][] rows = {
                {"ghost@gmail.com,blocked,,," + good + "," + good + ",1," + good + ",1,,",
                        ":2: reason 'blocked' is owned by the sender, not the recipient; use one of userunknown, hostunknown,"},
                {"ghost@gmail.com,nosuch,,," + good + "," + good + ",1," + good + ",1,,", ":2: unknown reason 'nosuch'"},
                {"ghost@gmail.com,userunknown,,,yesterday," + good + ",1," + good + ",1,,",
                        ":2: first_seen: 'yesterday' is not an instant in ISO-8601, UTC; write e.g. 2026-12-01T10:00:00Z"},
                {"ghost@gmail.com,userunknown,,," + good + ",,1," + good + ",1,,",
                        ":2: last_seen is empty; give an instant in ISO-8601, UTC, e.g. 2026-12-01T10:00:00Z"},
                {"ghost@gmail.com,userunknown,,," + good + "," + good + ",three," + good + ",1,,",
                        ":2: count: 'three' is not a whole number of 0 or more"},
                {"ghost@gmail.com,userunknown,,," + good + "," + good + ",1," + good + ",1,," + "2026-13-01",
                        ":2: expires_at: '2026-13-01' is not an instant in ISO-8601, UTC; write e.g. 2026-12-01T10:00:00Z"},
        };
        for (String[] row : rows) {
            Path csv = Files.writeString(dir.resolve("rows.csv"), SuppressionsCommand.HEADER + "\n" + row[0] + "\n", StandardCharsets.UTF_8);
            assertOneLineError(run("suppressions", "import", "--store", journal(), csv.toString()),
                    "bouncekit suppressions import: " + csv + row[1]);
        }
        assertThat(dir.resolve("var")).doesNotExist();
    }

    @Test
    void import_reads_a_plain_list_of_addresses() throws IOException {
        Path list = Files.writeString(dir.resolve("list.txt"), "# from the old system\nA@example.com\n\nb@example.com\n", StandardCharsets.UTF_8);

        assertThat(run("suppressions", "import", "--store", journal(), "--reason", "userunknown", list.toString()).out())
                .isEqualTo("imported 2 entries\n");
        assertThat(run("suppressions", "list", "--store", journal()).lines()).hasSize(3).first().isEqualTo(HEADER);
        assertThat(run("suppressions", "list", "--store", journal()).lines().subList(1, 3)).allMatch(line -> line.contains("userunknown"));
    }

    @Test
    void user_errors_are_one_line_and_exit_non_zero() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "ok@example.com\nnot an address\n", StandardCharsets.UTF_8);
        assertOneLineError(run("suppressions", "import", "--store", journal(), bad.toString()),
                "bouncekit suppressions import: " + bad + ":2: not an address: 'not an address'");
        assertOneLineError(run("suppressions", "add", "--store", journal(), "--reason", "blocked", "a@example.com"),
                "bouncekit suppressions add: reason 'blocked' is owned by the sender, not the recipient");
        assertOneLineError(run("suppressions", "add", "--store", journal(), "--reason", "nosuch", "a@example.com"),
                "bouncekit suppressions add: unknown reason 'nosuch'");
        assertOneLineError(run("suppressions", "list", "--store", "jdbc:mysql://db/mail"),
                "bouncekit suppressions list: unsupported database URL");
        assertOneLineError(run("suppressions", "list", "--store", "jdbc:postgresql://127.0.0.1:1/none?password=secret"),
                "bouncekit suppressions list: cannot create or migrate the suppression schema in jdbc:postgresql://127.0.0.1:1/none?password=***");
        assertOneLineError(run("suppressions", "import", "--store", journal(), dir.resolve("missing.txt").toString()),
                "bouncekit suppressions import: cannot read " + dir.resolve("missing.txt") + ": no such file");
        assertThat(run("suppressions", "list").status()).isEqualTo(2);
    }

    /** An unknown reason is answered with the reasons add and import take, not with sender reasons they refuse. */
    @Test
    void an_unknown_reason_names_only_the_reasons_that_may_be_given() {
        for (String command : new String[] {"add", "import"}) {
            CommandRun run = run("suppressions", command, "--store", journal(), "--reason", "nosuch", "a@example.com");

            assertOneLineError(run, "bouncekit suppressions " + command + ": unknown reason 'nosuch'; use one of userunknown, ");
            assertThat(run.err().strip()).endsWith(", suppressed").doesNotContain("blocked").doesNotContain("ratelimited");
        }
    }

    @Test
    void reading_a_journal_that_is_not_there_is_an_error_and_creates_nothing() {
        Path typo = dir.resolve("var/bouncekit/supressions.journal");
        for (String command : new String[] {"list", "export"}) {
            assertOneLineError(run("suppressions", command, "--store", typo.toString()),
                    "bouncekit suppressions " + command + ": no suppression journal at " + typo
                            + "; give the journal file the mailets write (their store parameter)");
        }
        assertOneLineError(run("suppressions", "search", "--store", typo.toString(), "example.org"),
                "bouncekit suppressions search: no suppression journal at " + typo);
        assertOneLineError(run("suppressions", "remove", "--store", typo.toString(), "a@example.com"),
                "bouncekit suppressions remove: no suppression journal at " + typo);
        assertThat(dir.resolve("var")).doesNotExist();

        assertThat(run("suppressions", "add", "--store", typo.toString(), "a@example.com").status()).isZero();
        assertThat(run("suppressions", "list", "--store", typo.toString()).lines()).hasSize(2);
    }

    private static void assertOneLineError(CommandRun run, String start) {
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith(start).doesNotContain("secret").doesNotContain("Exception");
    }
}
