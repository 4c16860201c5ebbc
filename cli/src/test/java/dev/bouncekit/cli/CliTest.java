package dev.bouncekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path dir;

    private record Run(int status, String out) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static CommandRun runCapturingErrors(String... args) {
        return CommandRun.of(args);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = BouncekitCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int status = cli.execute(args);
        return new Run(status, out.toString());
    }

    /**
     * {@code gate --help} printed three "[picocli WARN] Could not format ..." lines on standard error:
     * a lone {@code %} in an option's description. Every command's help is now written without one.
     */
    @Test
    void every_command_s_help_is_written_without_a_warning() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String[] command : new String[][] {{"classify"}, {"evaluate"}, {"catalog"}, {"serve"}, {"gate"},
                    {"suppressions"}, {"suppressions", "list"}, {"suppressions", "search"}, {"suppressions", "add"},
                    {"suppressions", "remove"}, {"suppressions", "import"}, {"suppressions", "export"}}) {
                String[] args = Arrays.copyOf(command, command.length + 1);
                args[command.length] = "--help";
                CommandRun run = CommandRun.of(args);

                assertThat(run.status()).as(String.join(" ", args)).isZero();
                assertThat(run.err()).as(String.join(" ", args)).isEmpty();
                assertThat(captured.toString(StandardCharsets.UTF_8)).as(String.join(" ", args)).isEmpty();
            }
        } finally {
            System.setErr(original);
        }
        assertThat(CommandRun.of("gate", "--help").out()).contains("2%); 0 lets no permanent refusal pass").doesNotContain("%%");
    }

    @Test
    void version_is_the_one_of_the_pom() {
        Run run = run("-V");

        assertThat(run.status()).isZero();
        assertThat(run.out().strip()).isEqualTo("bouncekit " + System.getProperty("bouncekit.pom.version"));
        assertThat(System.getProperty("bouncekit.pom.version")).isNotBlank();
    }

    /**
     * The list of commands shows the first line of each command's description: classify's was half a
     * sentence ending in a semicolon, without --text.
     */
    @Test
    void the_list_of_commands_shows_whole_sentences() {
        List<String> help = run("--help").lines();
        StringBuilder classify = new StringBuilder();
        for (int i = help.indexOf(help.stream().filter(l -> l.startsWith("  classify ")).findFirst().orElseThrow());
             i < help.size() && (classify.length() == 0 || help.get(i).startsWith("     ")); i++) {
            classify.append(' ').append(help.get(i).strip());
        }

        assertThat(classify.toString().replaceAll(" +", " ").strip()).startsWith("classify Classify SMTP replies")
                .contains("--text").endsWith(".");
    }

    /** A value that is no number is answered in the user's words, not with the name of a Java type. */
    @Test
    void a_value_that_is_no_number_is_answered_in_words() {
        CommandRun port = runCapturingErrors("serve", "--smtp-port", "abc");
        CommandRun limit = runCapturingErrors("evaluate", "--min-reason-accuracy", "high", "x.tsv");

        assertThat(port.status()).isEqualTo(2);
        assertThat(port.err()).startsWith("bouncekit serve: Invalid value for option '--smtp-port': 'abc' is not a whole number;")
                .doesNotContain(" int");
        assertThat(limit.status()).isEqualTo(2);
        assertThat(limit.err()).contains("'high' is not a number;").doesNotContain("double");
    }

    /** A word where a command goes that names none is an unknown command, with the commands there are. */
    @Test
    void an_unknown_command_is_called_so_with_the_commands_there_are() {
        CommandRun top = runCapturingErrors("clasify", "x.txt");
        CommandRun sub = runCapturingErrors("suppressions", "lst", "--store", "x.journal");

        assertThat(top.status()).isEqualTo(2);
        assertThat(top.err().strip()).isEqualTo("bouncekit: unknown command 'clasify' (did you mean classify?); the commands are "
                + "classify, evaluate, catalog, serve, gate, suppressions, help; see 'bouncekit help'");
        assertThat(sub.status()).isEqualTo(2);
        assertThat(sub.err().strip()).startsWith("bouncekit suppressions: unknown command 'lst' (did you mean list?); the commands are list, ")
                .endsWith("; see 'bouncekit help suppressions'");
        assertThat(runCapturingErrors("nosuch").err().strip()).isEqualTo("bouncekit: unknown command 'nosuch'; the commands are "
                + "classify, evaluate, catalog, serve, gate, suppressions, help; see 'bouncekit help'");
    }

    /** picocli ends some messages with a full stop; the pointer to the help follows without a second mark. */
    @Test
    void help_for_an_unknown_command_ends_its_sentence_once() {
        CommandRun help = runCapturingErrors("help", "nosuch");

        assertThat(help.status()).isEqualTo(2);
        assertThat(help.err().strip()).isEqualTo("bouncekit: Unknown subcommand 'nosuch'; see 'bouncekit help'");
    }

    @Test
    void evaluate_counts_one_reply_in_the_singular() throws IOException {
        Path one = Files.writeString(dir.resolve("one.tsv"), "id\treply\tstage\tremote_host\treason\thard\tprovider\n"
                + "1\t550 5.1.1 no such user\tRCPT\t\tuserunknown\ttrue\t\n", StandardCharsets.UTF_8);

        Run run = run("evaluate", one.toString());

        assertThat(run.status()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("file: " + one + " (1 reply)");
    }

    private static JsonNode json(String line) throws IOException {
        return ClassificationJson.MAPPER.readTree(line);
    }

    @Test
    void classify_writes_one_json_object_per_line_in_order() throws IOException {
        Path input = Files.writeString(dir.resolve("in.txt"),
                "550-5.1.1 The email account that you tried to reach does not exist. - gsmtp\n"
                        + "\n"
                        + "452 4.2.2 Mailbox full\n", StandardCharsets.UTF_8);

        Run run = run("classify", input.toString());

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode first = json(run.lines().get(0));
        assertThat(first.get("reason").asText()).isEqualTo("userunknown");
        assertThat(first.get("hard").asBoolean()).isTrue();
        assertThat(first.get("owner").asText()).isEqualTo("recipient");
        assertThat(first.get("action").asText()).isEqualTo("suppress");
        assertThat(first.get("provider").asText()).isEqualTo("gmail");
        assertThat(first.get("code").asInt()).isEqualTo(550);
        assertThat(first.get("status").asText()).isEqualTo("5.1.1");
        assertThat(first.get("rule").asText()).isNotBlank();
        JsonNode second = json(run.lines().get(1));
        assertThat(second.get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(second.get("provider").isNull()).isTrue();
    }

    @Test
    void jsonl_input_uses_stage_and_echoes_ids_and_reports_bad_lines_without_stopping() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\":\"a\",\"reply\":\"550 Unknown user x@example.org\",\"stage\":\"DATA\"}\n"
                        + "not json\n"
                        + "{\"id\":\"c\",\"stage\":\"RCPT\"}\n"
                        + "{\"id\":\"d\",\"reply\":\"550 x\",\"stage\":\"LUNCH\"}\n"
                        + "{\"id\":\"e\",\"reply\":\"550 Unknown user x@example.org\",\"stage\":\"rcpt\",\"recipient\":\"x@gmail.com\"}\n",
                StandardCharsets.UTF_8);

        Run run = run("classify", "--jsonl", input.toString());

        assertThat(run.status()).as("exit status after bad lines").isEqualTo(1);
        assertThat(run.lines()).hasSize(5);
        assertThat(json(run.lines().get(0)).get("reason").asText()).isEqualTo("filtered");
        assertThat(json(run.lines().get(0)).get("id").asText()).isEqualTo("a");
        assertThat(json(run.lines().get(1)).get("error").asText()).startsWith("not a JSON object");
        assertThat(json(run.lines().get(1)).get("line").asInt()).isEqualTo(2);
        assertThat(json(run.lines().get(2)).get("error").asText()).contains("'reply'");
        assertThat(json(run.lines().get(2)).get("id").asText()).isEqualTo("c");
        assertThat(json(run.lines().get(3)).get("error").asText()).contains("LUNCH");
        JsonNode last = json(run.lines().get(4));
        assertThat(last.get("reason").asText()).isEqualTo("userunknown");
        assertThat(last.get("provider").asText()).isEqualTo("gmail");
    }

    /** Two objects on one line, or text after one, are not cut to the first; a field given twice is not read as its last. */
    @Test
    void a_jsonl_line_is_one_whole_object_with_each_field_once() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\":\"a\",\"reply\":\"550 5.1.1 no such user\"} {\"id\":\"b\",\"reply\":\"452 4.2.2 mailbox full\"}\n"
                        + "{\"id\":\"c\",\"reply\":\"550 5.1.1 no such user\"} trailing words\n"
                        + "{\"id\":\"d\",\"reply\":\"550 5.1.1 no such user\",\"reply\":\"452 4.2.2 mailbox full\"}\n"
                        + "{\"id\":\"e\",\"reply\":\"550 5.1.1 no such user\"}   \n",
                StandardCharsets.UTF_8);

        Run run = run("classify", "--input", "jsonl", input.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(4);
        assertThat(json(run.lines().get(0)).get("error").asText()).isEqualTo("more follows the JSON object; give one object a line");
        assertThat(json(run.lines().get(1)).get("error").asText()).isEqualTo("more follows the JSON object; give one object a line");
        assertThat(json(run.lines().get(1)).get("line").asInt()).isEqualTo(2);
        assertThat(json(run.lines().get(2)).get("error").asText()).isEqualTo("field 'reply' given twice; give each field once");
        assertThat(json(run.lines().get(3)).get("reason").asText()).isEqualTo("userunknown");
    }

    /**
     * A field read but given as no string lost its value ({@code "remoteHost": true}, an id that is an object), and a
     * field spelt like one read ({@code remote_host}, as evaluate's TSV names the column) was passed over: the reply
     * was classified without its host, with exit status 0. Each such line now gets an error.
     */
    @Test
    void a_jsonl_field_of_another_kind_or_spelt_like_one_read_is_an_error() throws IOException {
        String reply = "\"reply\":\"550 5.1.1 no such user\"";
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{" + reply + ",\"remote_host\":\"mx.google.com\"}\n"
                + "{\"Reply\":\"550 5.1.1 no such user\"}\n"
                + "{" + reply + ",\"remoteHost\":true}\n"
                + "{" + reply + ",\"recipient\":[\"a@gmail.com\"]}\n"
                + "{\"id\":{\"n\":1}," + reply + "}\n"
                + "{\"id\":7," + reply + ",\"stage\":null,\"remoteHost\":\"mx.google.com\",\"note\":\"kept from the log\"}\n",
                StandardCharsets.UTF_8);

        Run run = run("classify", "--input", "jsonl", input.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).hasSize(6);
        assertThat(run.lines().subList(0, 5)).extracting(line -> json(line).get("error").asText()).containsExactly(
                "field 'remote_host' is not read; did you mean 'remoteHost'?",
                "field 'Reply' is not read; did you mean 'reply'?",
                "field 'remoteHost' must be a string, not the boolean true",
                "field 'recipient' must be a string, not an array",
                "field 'id' must be a string or a number, not an object");
        JsonNode last = json(run.lines().get(5));
        assertThat(last.get("id").asText()).isEqualTo("7");
        assertThat(last.get("provider").asText()).isEqualTo("gmail");
    }

    /** A reply given, but not as a string, is said to be there in the wrong form, not to be missing. */
    @Test
    void a_jsonl_reply_that_is_no_string_is_said_to_be_one_of_another_kind() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"a\",\"reply\":550}\n"
                + "{\"id\":\"b\",\"reply\":[\"550 5.1.1 no such user\"]}\n{\"id\":\"c\",\"reply\":null}\n", StandardCharsets.UTF_8);

        Run run = run("classify", "--input", "jsonl", input.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).extracting(line -> json(line).get("error").asText()).containsExactly(
                "field 'reply' must be a string, not the number 550; write the reply in quotes",
                "field 'reply' must be a string, not an array; write the reply in quotes",
                "field 'reply' (a string) is required");
    }

    @Test
    void an_input_file_saved_with_a_byte_order_mark_reads_as_without_it() throws IOException {
        String replies = "550 No such user here\n";
        String jsonl = "{\"id\":\"a\",\"reply\":\"550 No such user here\"}\n";
        Path lines = Files.write(dir.resolve("marked.txt"), ("\uFEFF" + replies).getBytes(StandardCharsets.UTF_8));
        Path plainLines = Files.writeString(dir.resolve("plain.txt"), replies, StandardCharsets.UTF_8);
        Path objects = Files.write(dir.resolve("marked.jsonl"), ("\uFEFF" + jsonl).getBytes(StandardCharsets.UTF_8));
        Path plainObjects = Files.writeString(dir.resolve("plain.jsonl"), jsonl, StandardCharsets.UTF_8);

        Run marked = run("classify", lines.toString());
        Run markedObjects = run("classify", "--input", "jsonl", objects.toString());

        assertThat(marked).isEqualTo(run("classify", plainLines.toString()));
        assertThat(json(marked.lines().get(0)).get("code").asInt()).isEqualTo(550);
        assertThat(markedObjects).isEqualTo(run("classify", "--input", "jsonl", plainObjects.toString()));
        assertThat(markedObjects.status()).isZero();
    }

    /**
     * A file saved as UTF-16 (what Windows PowerShell's {@code >} writes) was read as UTF-8: every line a reply of U+FFFD
     * and NUL characters, classified {@code onhold}, exit status 0. It is refused, little- and big-endian alike.
     */
    @Test
    void an_input_file_saved_as_utf_16_is_refused_in_one_line() throws IOException {
        String replies = "\uFEFF550 5.1.1 No such user here\n";
        Path little = Files.write(dir.resolve("little.txt"), replies.getBytes(StandardCharsets.UTF_16LE));
        Path big = Files.write(dir.resolve("big.txt"), replies.getBytes(StandardCharsets.UTF_16BE));
        Path labelled = Files.write(dir.resolve("labelled.tsv"),
                ("\uFEFFid\treply\tstage\tremote_host\treason\thard\tprovider\n").getBytes(StandardCharsets.UTF_16LE));

        for (CommandRun run : List.of(runCapturingErrors("classify", little.toString()), runCapturingErrors("classify", big.toString()),
                runCapturingErrors("evaluate", labelled.toString()))) {
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().toList()).singleElement().asString()
                    .contains(": it is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8 and give ");
        }
        assertThat(runCapturingErrors("classify", little.toString()).err())
                .startsWith("bouncekit classify: cannot read " + little + ": it is UTF-16 text");
    }

    @Test
    void jsonl_input_without_bad_lines_exits_0_and_input_jsonl_is_the_same_as_jsonl() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\":\"a\",\"reply\":\"550 Unknown user x@example.org\",\"stage\":\"DATA\"}\n", StandardCharsets.UTF_8);

        Run old = run("classify", "--jsonl", input.toString());
        Run now = run("classify", "--input", "jsonl", input.toString());

        assertThat(old.status()).isZero();
        assertThat(now).isEqualTo(old);
    }

    @Test
    void jsonl_stage_may_be_any_smtp_command_and_one_that_decides_nothing_reads_as_unknown() throws IOException {
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"id\":\"q\",\"reply\":\"550 Unknown user x@example.org\",\"stage\":\"QUIT\"}\n"
                        + "{\"id\":\"n\",\"reply\":\"550 Unknown user x@example.org\"}\n"
                        + "{\"id\":\"s\",\"reply\":\"550 Unknown user x@example.org\",\"stage\":\"starttls\"}\n",
                StandardCharsets.UTF_8);

        Run run = run("classify", "--jsonl", input.toString());

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(3);
        String unknownStage = json(run.lines().get(1)).get("reason").asText();
        assertThat(json(run.lines().get(0)).get("reason").asText()).isEqualTo(unknownStage);
        assertThat(json(run.lines().get(2)).get("reason").asText()).isEqualTo(unknownStage);
    }

    @Test
    void paragraph_input_classifies_a_folded_postfix_bounce_and_a_folded_dsn_as_one_reply_each() throws Exception {
        Path input = Path.of(CliTest.class.getResource("/postfix-bounce.txt").toURI());

        Run run = run("classify", "--input", "paragraph", input.toString());

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode postfix = json(run.lines().get(0));
        assertThat(postfix.get("reason").asText()).isEqualTo("userunknown");
        assertThat(postfix.get("code").asInt()).isEqualTo(550);
        assertThat(postfix.get("status").asText()).isEqualTo("5.1.1");
        assertThat(postfix.get("provider").asText()).isEqualTo("gmail");
        JsonNode dsn = json(run.lines().get(1));
        assertThat(dsn.get("reason").asText()).isEqualTo("mailboxfull");
        assertThat(dsn.get("code").asInt()).isEqualTo(452);
        assertThat(dsn.get("status").asText()).isEqualTo("4.2.2");
    }

    @Test
    void paragraph_rows_in_the_table_carry_the_line_each_paragraph_starts_on() throws Exception {
        Path input = Path.of(CliTest.class.getResource("/postfix-bounce.txt").toURI());

        Run run = run("classify", "--input", "paragraph", "--output", "table", input.toString());

        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(1)).startsWith("1 ").contains("userunknown", "550", "5.1.1");
        assertThat(run.lines().get(2)).startsWith("9 ").contains("mailboxfull", "452", "4.2.2");
    }

    @Test
    void output_is_the_one_name_for_output_formats_and_format_and_json_stay_as_aliases() throws IOException {
        Path input = Files.writeString(dir.resolve("in.txt"), "554 5.7.1 Relay access denied\n", StandardCharsets.UTF_8);

        assertThat(run("classify", "--format", "table", input.toString())).isEqualTo(run("classify", "--output", "table", input.toString()));
        assertThat(run("classify", "--format", "json", input.toString())).isEqualTo(run("classify", input.toString()));
        assertThat(run("classify", "--output", "jsonl", input.toString())).isEqualTo(run("classify", input.toString()));
        assertThat(run("catalog", "--output", "jsonl")).isEqualTo(run("catalog", "--jsonl"));
        assertThat(run("catalog").out()).isEqualTo(run("catalog", "--output", "table").out());
    }

    /** The table had no header, so that its columns could not be told apart; jsonl stays one object a line. */
    @Test
    void catalog_table_names_its_columns_and_jsonl_has_no_header() throws IOException {
        Run table = run("catalog", "--provider", "gmail");

        assertThat(table.lines().get(0)).isEqualTo(String.format("%-44s %-7s %-4s %-7s %-15s %s",
                "id", "stage", "code", "status", "reason", "bounce"));
        assertThat(table.lines().get(1)).startsWith("gmail/");
        assertThat(table.lines()).hasSize(run("catalog", "--provider", "gmail", "--jsonl").lines().size() + 1);
        assertThat(json(run("catalog", "--provider", "gmail", "--jsonl").lines().get(0)).get("id").asText()).startsWith("gmail/");
    }

    @Test
    void table_format_prints_a_header_and_a_row_per_reply() throws IOException {
        Path input = Files.writeString(dir.resolve("in.txt"), "554 5.7.1 Relay access denied\n", StandardCharsets.UTF_8);

        Run run = run("classify", "--format", "table", input.toString());

        assertThat(run.lines().get(0)).startsWith("line").contains("reason", "owner", "action");
        assertThat(run.lines().get(1)).contains("norelaying", "sender", "fix-sender", "554", "5.7.1");
    }

    @Test
    void text_classifies_replies_given_on_the_command_line_with_the_stage_given() throws IOException {
        Run run = run("classify", "--text", "550 5.1.1 user unknown", "-t", "452 4.2.2 Mailbox full\\n  try later");

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("\"reason\":\"userunknown\"");
        assertThat(run.lines().get(1)).contains("\"reason\":\"mailboxfull\"").contains("\"code\":452");
        // the stage decides: "User unknown" after DATA is a filter's refusal (Sisimai's stage rule)
        assertThat(run("classify", "--text", "550 User unknown", "--stage", "DATA").out()).contains("\"reason\":\"filtered\"");
        assertThat(run("classify", "--text", "550 User unknown", "--stage", "rcpt").out()).contains("\"reason\":\"userunknown\"");
        Run table = run("classify", "--output", "table", "--text", "554 5.7.1 Relay access denied");
        assertThat(table.lines()).hasSize(2);
        assertThat(table.lines().get(1)).startsWith("1 ").contains("norelaying");
    }

    /**
     * Options that contradict each other are a bad command line, exit status 2 as the help says,
     * like any other: they exited with 1, the status of a bad input, before.
     */
    @Test
    void text_with_a_file_a_bad_stage_or_an_input_format_is_a_bad_command_line() throws IOException {
        Path input = Files.writeString(dir.resolve("in.txt"), "550 5.1.1 user unknown\n", StandardCharsets.UTF_8);

        CommandRun both = CommandRun.of("classify", "--text", "550 x", input.toString());
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.out()).isEmpty();
        assertThat(both.err().lines().toList()).containsExactly("bouncekit classify: give replies with --text or in FILE, "
                + "not both; see 'bouncekit help classify'");
        assertThat(run("classify", "--text", "550 x", "--stage", "LATER").status()).isEqualTo(2);
        assertThat(run("classify", "--text", "550 x", "--jsonl").status()).isEqualTo(2);
        assertThat(run("classify", "--stage", "RCPT", input.toString()).status()).isEqualTo(2);
        assertThat(run("classify", "--jsonl", "--input", "paragraph", input.toString()).status()).isEqualTo(2);
        assertThat(run("catalog", "--jsonl", "--output", "table").status()).isEqualTo(2);
    }

        /** A stage that is no SMTP command (a typo) is refused with its line, as classify --input jsonl refuses it, not scored as none. */
    @Test
    void evaluate_refuses_a_stage_that_is_no_smtp_command() throws IOException {
        String header = "id\treply\tstage\tremote_host\treason\thard\tprovider\n";
        Path typo = Files.writeString(dir.resolve("typo.tsv"), header
                + "1\t550 5.1.1 no such user\tRCPT\t\tuserunknown\ttrue\t\n"
                + "2\t550 5.1.1 no such user\tRCTP\t\tuserunknown\ttrue\t\n", StandardCharsets.UTF_8);
        Path quit = Files.writeString(dir.resolve("quit.tsv"), header
                + "1\t421 4.4.2 timeout exceeded\tquit\t\tnetworkerror\tfalse\t\n", StandardCharsets.UTF_8);

        CommandRun run = runCapturingErrors("evaluate", typo.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly("bouncekit evaluate: " + typo + ":3: stage must be an SMTP"
                + " command (CONNECT, EHLO, HELO, MAIL, RCPT, DATA, BDAT, or one that decides nothing, such as QUIT) or empty,"
                + " not 'RCTP'");
        assertThat(runCapturingErrors("evaluate", quit.toString()).err()).isEmpty();
    }

    /** A labelled file saved as CSV is said to be one, not to lack the reply column its header names. */
    @Test
    void evaluate_says_a_comma_separated_file_is_not_tab_separated() throws IOException {
        Path csv = Files.writeString(dir.resolve("labelled.csv"), "id,reply,stage,remote_host,reason,hard,provider\n"
                + "1,550 5.1.1 no such user,RCPT,,userunknown,true,\n", StandardCharsets.UTF_8);
        Path semicolons = Files.writeString(dir.resolve("labelled-semicolons.csv"), "id;reply;reason\n1;550 5.1.1 no such user;userunknown\n",
                StandardCharsets.UTF_8);

        CommandRun run = runCapturingErrors("evaluate", csv.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly("bouncekit evaluate: " + csv + ":1: no tab in the header line;"
                + " the columns of a labelled file are separated by tabs, not commas (save it as tab-separated text)");
        assertThat(runCapturingErrors("evaluate", semicolons.toString()).err()).contains("not semicolons");
        Path replies = Files.writeString(dir.resolve("replies.txt"), "550 5.1.1 User unknown, sorry\n", StandardCharsets.UTF_8);
        assertThat(runCapturingErrors("evaluate", replies.toString()).err()).contains(":1: missing column 'reply'");
    }

    @Test
    void evaluate_scores_a_labelled_file_and_lists_misses() throws IOException {
        Path tsv = Files.writeString(dir.resolve("l.tsv"), "id\treply\tstage\tremote_host\treason\thard\tprovider\n"
                + "a\t550 5.1.1 user unknown\tRCPT\t\tuserunknown\ttrue\t\n"
                + "b\t452 4.2.2 Mailbox full\tRCPT\t\tspamdetected\tfalse\t\n", StandardCharsets.UTF_8);

        Run run = run("evaluate", tsv.toString());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("reason accuracy:    50.00% (1/2)").contains("hard accuracy:     100.00% (2/2)");
        assertThat(run.out()).containsPattern("b\\s+expected spamdetected\\s+got mailboxfull");
        assertThat(run("evaluate", "--min-reason-accuracy", "90", tsv.toString()).status()).isEqualTo(1);
    }

    @Test
    void evaluate_dropout_scores_each_row_without_its_deciding_rule_and_lists_only_train_flips() throws IOException {
        // Ids a and c are train rows, b a validation row (crc32 % 10 is 7, 5 and 1). The DRD reply (Sisimai
        // 4.25 SystemError.pm) is held by its own phrase alone: without it nothing decides. A file of a
        // labelled/ directory is split.
        Path tsv = Files.writeString(Files.createDirectories(dir.resolve("labelled")).resolve("l.tsv"), "id\treply\tstage\tremote_host\treason\thard\tprovider\n"
                + "a\t550 unable to relay\tRCPT\t\tnorelaying\t\t\n"
                + "c\tCould not load DRD for domain example.com\t\t\tsystemerror\t\t\n"
                + "b\tCould not load DRD for domain example.com\t\t\tsystemerror\t\t\n", StandardCharsets.UTF_8);

        Run all = run("evaluate", "--dropout", tsv.toString());
        Run validation = run("evaluate", "--dropout", "--split", "validation", tsv.toString());

        assertThat(all.status()).isZero();
        assertThat(all.out()).contains("reason accuracy:   100.00% (3/3)")
                .contains("dropout accuracy:   33.33% (1/3 rows")
                .containsPattern("(?m)^\\s+1\\s+systemerror -> onhold$")
                .containsPattern("(?m)^c\\s+expected systemerror\\s+without phrase:generic\\.rules:\\d+: onhold")
                .doesNotContainPattern("(?m)^b\\s");
        assertThat(validation.out()).contains("dropout accuracy:    0.00% (0/1 rows")
                .doesNotContain("systemerror -> onhold").doesNotContain("dropout flips");
    }

    /** Rows a, c (train ids) and b (a validation id) that the dropout flips, as in the test above. */
    private static final String DRD_ROWS = "id\treply\tstage\tremote_host\treason\thard\tprovider\n"
            + "a\t550 5.1.1 user unknown\tRCPT\t\tuserunknown\ttrue\t\n"
            + "c\tCould not load DRD for domain example.com\t\t\tsystemerror\t\t\n"
            + "b\tCould not load DRD for domain example.com\t\t\tmailboxfull\t\t\n";

    @Test
    void a_file_outside_labelled_is_tuned_on_whole_so_split_train_scores_every_row_and_says_so() throws IOException {
        Path whole = Files.writeString(dir.resolve("replies-dev.tsv"), DRD_ROWS, StandardCharsets.UTF_8);

        CommandRun train = runCapturingErrors("evaluate", "--split", "train", "--dropout", whole.toString());

        assertThat(train.status()).isZero();
        assertThat(train.out()).contains("(3 replies, whole: not a split file)")
                .contains("reason accuracy:    66.67% (2/3)")
                .as("the miss of row b, a validation id in a labelled/ file, is listed")
                .containsPattern("(?m)^b\\s+expected mailboxfull\\s+got systemerror")
                .containsPattern("(?m)^b\\s+expected mailboxfull\\s+without phrase:")
                .contains("dropout flips (all rows):");
        assertThat(train.err().lines().toList()).containsExactly("bouncekit evaluate: note: " + whole
                + " is scored whole: only the files of a labelled/ directory are split, and every row of another file is a train row");
        CommandRun all = runCapturingErrors("evaluate", "--dropout", whole.toString());
        assertThat(all.err()).isEmpty();
        assertThat(all.out()).containsPattern("(?m)^b\\s+expected mailboxfull\\s+without phrase:");
    }

    @Test
    void a_file_outside_labelled_has_no_validation_rows_to_score() throws IOException {
        Path whole = Files.writeString(dir.resolve("seed-replies.tsv"), DRD_ROWS, StandardCharsets.UTF_8);

        CommandRun validation = runCapturingErrors("evaluate", "--split", "validation", whole.toString());

        assertThat(validation.status()).isEqualTo(1);
        assertThat(validation.out()).isEmpty();
        assertThat(validation.err().lines().toList()).containsExactly("bouncekit evaluate: " + whole
                + " has no validation rows: only the files of a labelled/ directory are split into train and validation,"
                + " and every row of another file is tuned on; score it whole, without --split validation");
    }

    @Test
    void the_same_rows_in_a_labelled_directory_are_split() throws IOException {
        Path split = Files.writeString(Files.createDirectories(dir.resolve("corpus/labelled")).resolve("mine.tsv"),
                DRD_ROWS, StandardCharsets.UTF_8);

        CommandRun train = runCapturingErrors("evaluate", "--split", "train", split.toString());
        CommandRun validation = runCapturingErrors("evaluate", "--split", "validation", split.toString());

        assertThat(train.out()).contains("(2 replies, train split)").contains("reason accuracy:   100.00% (2/2)");
        assertThat(validation.out()).contains("(1 reply, validation split)").contains("reason accuracy:     0.00% (0/1)")
                .doesNotContain("misses");
        assertThat(train.err()).isEmpty();
        assertThat(validation.err()).isEmpty();
    }

    @Test
    void catalog_jsonl_lists_every_entry_with_its_exact_lines() throws IOException {
        Run run = run("catalog", "--jsonl");

        assertThat(run.lines()).hasSizeGreaterThan(70);
        JsonNode gmail = run.lines().stream().map(l -> {
            try {
                return json(l);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> n.get("id").asText().equals("gmail/user-unknown")).findFirst().orElseThrow();
        assertThat(gmail.get("provider").asText()).isEqualTo("gmail");
        assertThat(gmail.get("stage").asText()).isEqualTo("RCPT");
        assertThat(gmail.get("code").asInt()).isEqualTo(550);
        assertThat(gmail.get("status").asText()).isEqualTo("5.1.1");
        assertThat(gmail.get("lines")).hasSize(4);
        assertThat(gmail.get("lines").get(0).asText()).startsWith("550-5.1.1 The email account");
        assertThat(gmail.get("reason").asText()).isEqualTo("userunknown");
        assertThat(gmail.get("hard").asBoolean()).isTrue();
    }
}
