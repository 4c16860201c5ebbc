package dev.bouncekit.cli;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user error of {@code java -jar bouncekit.jar}, run as users run it: a separate process.
 * Each is one line on standard error saying what is wrong and how to fix it, and a non-zero exit
 * status; never a stack trace.
 */
class UserErrorsJarIT {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), null, args);
    }

    private Run run(Map<String, String> environment, String stdin, String... args) throws Exception {
        return runWithJvmOptions(List.of(), environment, stdin, args);
    }

    private Run runWithJvmOptions(List<String> jvmOptions, Map<String, String> environment, String stdin, String... args)
            throws Exception {
        Path jar = Path.of(System.getProperty("bouncekit.jar", "target/bouncekit.jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("BOUNCEKIT_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bouncekit %s ended", command).isTrue();
            return new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line on stderr, starting with the command, and no trace of a stack anywhere. */
    private static void assertOneLineError(Run run, int status, String command, String... expected) {
        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(status);
        assertThat(run.errLines()).as("stderr").hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("bouncekit " + command + ": ").contains(expected);
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ", "at java.", "at dev.bouncekit.");
    }

    @Test
    void classify_of_a_missing_file() throws Exception {
        Run run = run("classify", "--output", "table", dir.resolve("nope.txt").toString());

        assertOneLineError(run, 1, "classify", "cannot read " + dir.resolve("nope.txt") + ": no such file",
                "give a file of replies");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void classify_of_a_reply_given_where_the_file_goes_points_to_text() throws Exception {
        Run run = run("classify", "550 5.1.1 user unknown");

        assertOneLineError(run, 1, "classify", "cannot read 550 5.1.1 user unknown: no such file; to classify a reply given "
                + "on the command line, use --text: bouncekit classify --text '550 5.1.1 user unknown'");
        assertThat(run.out()).isEmpty();
        assertOneLineError(run("classify", "--text", "550 x", "--stage", "LATER"), 2, "classify",
                "--stage must be an SMTP command (CONNECT, EHLO, HELO, MAIL, RCPT, DATA, BDAT, or one that decides nothing,"
                        + " such as QUIT), not 'LATER'");
        assertThat(run("classify", "--text", "550 x", "--stage", "QUIT").status()).as("stage unknown, as in jsonl").isZero();
        assertOneLineError(run("classify", "--stage", "RCPT", "-"), 2, "classify",
                "--stage goes with --text; in a file, give each reply's stage with --input jsonl");
    }

        @Test
    void evaluate_of_a_missing_file() throws Exception {
        assertOneLineError(run("evaluate", dir.resolve("nope.tsv").toString()), 1, "evaluate",
                "nope.tsv: no such file", "give a labelled TSV file");
    }

    @Test
    void evaluate_of_a_file_that_is_not_a_labelled_tsv() throws Exception {
        Path replies = Files.writeString(dir.resolve("replies.txt"), "550 5.1.1 User unknown\n");

        assertOneLineError(run("evaluate", replies.toString()), 1, "evaluate",
                "replies.txt:1: missing column 'reply'; expected id, reply, stage, remote_host, reason, hard, provider");
    }

    @Test
    void evaluate_with_no_rows_to_score_fails_instead_of_passing_at_100_percent() throws Exception {
        Path headerOnly = Files.writeString(dir.resolve("labelled.tsv"), "id\treply\tstage\tremote_host\treason\thard\tprovider\n");

        Run run = run("evaluate", "--min-reason-accuracy", "90", headerOnly.toString());

        assertOneLineError(run, 1, "evaluate", "labelled.tsv: no labelled replies to score");
        assertThat(run.out()).doesNotContain("100.00%");
    }

    @Test
    void evaluate_refuses_a_row_it_cannot_score_naming_file_and_line() throws Exception {
        String header = "id\treply\tstage\tremote_host\treason\thard\tprovider\n";
        String good = "a\t550 5.1.1 user unknown\tRCPT\t\tuserunknown\ttrue\t\n";
        Path unknownReason = Files.writeString(dir.resolve("reason.tsv"),
                header + good + "b\t550 5.1.1 user unknown\tRCPT\t\tnosuchuser\ttrue\t\n");
        Path maybe = Files.writeString(dir.resolve("hard.tsv"),
                header + good + good + "c\t452 4.2.2 Mailbox full\tRCPT\t\tmailboxfull\tmaybe\t\n");
        Path shortRow = Files.writeString(dir.resolve("short.tsv"), header + "d\t550 5.1.1 user unknown\tRCPT\n" + good);

        Run reason = run("evaluate", "--min-reason-accuracy", "0", unknownReason.toString());
        assertOneLineError(reason, 1, "evaluate", unknownReason + ":3: unknown reason 'nosuchuser'; use one of userunknown, ");
        assertThat(reason.out()).isEmpty();
        assertOneLineError(run("evaluate", maybe.toString()), 1, "evaluate",
                maybe + ":4: hard must be true, false or empty, not 'maybe'");
        assertOneLineError(run("evaluate", "--split", "validation", shortRow.toString()), 1, "evaluate",
                shortRow + ":2: no reason; every row needs its reply and reason columns");
    }

    /** NaN or a negative minimum passed every file; over 100 failed every one. */
    @Test
    void evaluate_with_a_minimum_accuracy_that_is_no_percentage() throws Exception {
        Path tsv = Files.writeString(dir.resolve("l.tsv"),
                "id\treply\tstage\tremote_host\treason\thard\tprovider\na\t552 5.2.2 Mailbox full\tRCPT\t\tuserunknown\t\t\n");
        for (String minimum : List.of("NaN", "-5", "150")) {
            Run run = run("evaluate", "--min-reason-accuracy", minimum, tsv.toString());
            assertOneLineError(run, 2, "evaluate", "--min-reason-accuracy must be a percentage from 0 to 100, not ");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void classify_jsonl_with_a_bad_line_answers_the_others_and_exits_1() throws Exception {
        Run run = run(Map.of(), "{\"id\":\"a\",\"reply\":\"550 5.1.1 User unknown\"}\nnot json\n{\"id\":\"c\",\"reply\":\"452 4.2.2 Mailbox full\"}\n",
                "classify", "--jsonl");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out().lines().toList()).hasSize(3);
        assertThat(run.out().lines().toList().get(0)).contains("\"id\":\"a\"", "\"reason\":\"userunknown\"");
        assertThat(run.out().lines().toList().get(1)).startsWith("{\"line\":2,\"error\":\"not a JSON object");
        assertThat(run.out().lines().toList().get(2)).contains("\"id\":\"c\"", "\"reason\":\"mailboxfull\"");
        assertThat(run.err()).isEmpty();
        assertNoStackTrace(run);
    }

    @Test
    void catalog_of_an_unknown_provider_lists_the_providers() throws Exception {
        Run run = run("catalog", "--provider", "nosuch");

        assertOneLineError(run, 1, "catalog", "unknown provider 'nosuch'", "gmail", "outlook", "yahoo");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void help_for_a_command() throws Exception {
        Run run = run("help", "classify");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: bouncekit classify").contains("--input", "--output");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void serve_on_a_port_in_use_names_it() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Run run = run("serve", "--smtp-port", String.valueOf(port), "--http-port", "0");

            assertOneLineError(run, 1, "serve", "cannot listen for SMTP on 127.0.0.1:" + port + ": Address already in use",
                    "choose another with --smtp-port");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void serve_on_an_address_of_another_host_says_so_in_one_line() throws Exception {
        // 203.0.113.77 is in TEST-NET-3 (RFC 5737): never an address of this host
        Run run = run("serve", "--bind", "203.0.113.77", "--smtp-port", "0", "--http-port", "0");

        assertOneLineError(run, 1, "serve", "--bind 203.0.113.77: not an address of this host",
                "127.0.0.1 (the default) or 0.0.0.0 for every interface");
        assertThat(run.err()).doesNotContain("WARNING", "stop what uses port");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void an_unknown_option_points_to_the_help() throws Exception {
        assertOneLineError(run("classify", "--outptu", "table"), 2, "classify",
                "Unknown option: '--outptu' (did you mean --output?)", "see 'bouncekit help classify'");
    }

    @Test
    void a_duration_in_another_grammar() throws Exception {
        assertOneLineError(run("serve", "--idle-timeout", "soon"), 2, "serve",
                "'soon' is not a duration; use e.g. 500ms, 1.5s, 5m, 1h or PT5M");
    }

    @Test
    void a_suppression_expiry_too_long_to_compute_names_the_option_and_the_bound() throws Exception {
        String journal = dir.resolve("suppressions.journal").toString();
        assertOneLineError(run("suppressions", "add", "--store", journal, "--expires", "999999999999d", "bob@example.org"),
                1, "suppressions add", "--expires: '999999999999d' is longer than 36525d (100 years), the longest accepted");
        assertThat(run("suppressions", "list", "--store", journal).out()).as("nothing added").isEmpty();
    }

    @Test
    void a_bad_value_from_the_environment_names_the_variable() throws Exception {
        assertOneLineError(run(Map.of("BOUNCEKIT_SMTP_PORT", "twenty-five"), null, "serve"), 2, "serve",
                "'twenty-five' is not a whole number", "BOUNCEKIT_SMTP_PORT=twenty-five");
    }

    @Test
    void conflicting_input_formats() throws Exception {
        assertOneLineError(run("classify", "--jsonl", "--input", "paragraph", "-"), 2, "classify",
                "--jsonl means --input jsonl, but --input paragraph was given too");
    }

    @Test
    void gate_with_nothing_listening_says_the_connection_was_refused() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }

        Run run = run("gate", "--url", "http://127.0.0.1:" + port);

        assertOneLineError(run, 2, "gate", "cannot ask http://127.0.0.1:" + port + ": connection refused; "
                + "is 'bouncekit serve' running there? give its HTTP address with --url");
        assertThat(run.err()).doesNotContain("null");
    }

    @Test
    void gate_against_a_server_that_is_not_bouncekit_names_what_it_answered() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", http -> {
            byte[] page = "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8);
            http.getResponseHeaders().set("Content-Type", "text/html");
            http.sendResponseHeaders(404, page.length);
            try (http) {
                http.getResponseBody().write(page);
            }
        });
        other.start();
        try {
            String url = "http://127.0.0.1:" + other.getAddress().getPort();

            Run run = run("gate", "--url", url);

            assertOneLineError(run, 2, "gate", url + " answered 404 with text/html, not JSON; "
                    + "give the HTTP address of 'bouncekit serve' with --url");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void gate_with_a_url_that_is_not_one() throws Exception {
        assertOneLineError(run("gate", "--url", "localhost-8025"), 2, "gate",
                "--url localhost-8025: not an HTTP address", "give one such as http://127.0.0.1:8025");
    }

    /**
     * A limit out of range is the user's mistake, said in the option's own name before anything is
     * asked: it was sent to the server, which answered with its parameter's name (maxBounceRate), or,
     * with no server running, it was not reported at all.
     */
    @Test
    void gate_with_a_bounce_rate_limit_out_of_range_names_the_option() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        assertOneLineError(run("gate", "--url", url, "--max-bounce-rate", "-5"), 2, "gate",
                "--max-bounce-rate must be a percentage from 0 to 100, not -5");
        assertOneLineError(run("gate", "--url", url, "--max-bounce-rate", "NaN"), 2, "gate",
                "--max-bounce-rate must be a percentage from 0 to 100, not NaN");
        assertOneLineError(run(Map.of("BOUNCEKIT_MAX_BOUNCE_RATE", "150"), null, "gate", "--url", url), 2, "gate",
                "--max-bounce-rate must be a percentage from 0 to 100, not 150", "(environment: BOUNCEKIT_MAX_BOUNCE_RATE=150)");
    }

    @Test
    void suppressions_import_of_a_directory_or_of_bytes_that_are_not_text() throws Exception {
        String journal = dir.resolve("suppressions.journal").toString();
        Path directory = Files.createDirectories(dir.resolve("addresses"));
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[0] = (byte) 0xff; // not UTF-8 from its first octet
        Path bytes = Files.write(dir.resolve("addresses.bin"), binary);

        assertOneLineError(run("suppressions", "import", "--store", journal, directory.toString()), 1, "suppressions import",
                "cannot read " + directory + ": it is a directory");
        Run binaryRun = run("suppressions", "import", "--store", journal, bytes.toString());
        assertOneLineError(binaryRun, 1, "suppressions import", bytes + ":1: not an address: ");
        assertThat(binaryRun.errLines().get(0)).as("no control character of the input reaches the terminal")
                .doesNotContainPattern("[\\p{Cc}&&[^\\t]]");
        assertThat(run("suppressions", "list", "--store", journal).out()).as("nothing imported").isEmpty();
    }

    @Test
    void suppressions_export_to_a_directory_or_into_a_missing_one() throws Exception {
        String journal = dir.resolve("suppressions.journal").toString();
        assertThat(run("suppressions", "add", "--store", journal, "bob@example.org").status()).isZero();
        Path directory = Files.createDirectories(dir.resolve("out"));
        Path missing = dir.resolve("no-such-dir").resolve("list.csv");

        assertOneLineError(run("suppressions", "export", "--store", journal, "-o", directory.toString()), 1,
                "suppressions export", "cannot write " + directory + ": it is a directory");
        assertOneLineError(run("suppressions", "export", "--store", journal, "-o", missing.toString()), 1,
                "suppressions export", "cannot write " + missing + ": no such directory: " + missing.getParent());
    }

    @Test
    void a_value_echoed_in_an_error_stays_on_one_short_line() throws Exception {
        Path hugeLine = Files.writeString(dir.resolve("huge.txt"), "x".repeat(5_000_000) + "@\n");
        Run huge = run("suppressions", "import", "--store", dir.resolve("j.journal").toString(), hugeLine.toString());
        assertOneLineError(huge, 1, "suppressions import", hugeLine + ":1: not an address: 'xxx",
                "characters left out", "expected one address a line");
        assertThat(huge.err().length()).isLessThan(2_000);

        assertOneLineError(run("serve", "--hostname", "mx\r\n250 injected"), 1, "serve",
                "not 'mx\\r\\n250 injected'");
        assertOneLineError(run("suppressions", "add", "--store", dir.resolve("j.journal").toString(), "a\nb@c.test"), 1,
                "suppressions add", "not an address: 'a\\nb@c.test'");
    }

    @Test
    void input_too_large_for_the_heap_is_one_line_not_an_out_of_memory_trace() throws Exception {
        Path hugeLine = Files.writeString(dir.resolve("huge.txt"), "y".repeat(24_000_000) + "\n");

        Run run = runWithJvmOptions(List.of("-Xmx64m"), Map.of(), null, "classify", hugeLine.toString());

        assertOneLineError(run, 1, "classify", "out of memory", "-Xmx");
        assertThat(run.err()).doesNotContain("OutOfMemoryError");
    }
}
