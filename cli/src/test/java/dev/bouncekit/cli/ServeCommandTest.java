package dev.bouncekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncekit.receiver.MagicAddresses;
import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code bouncekit serve} run in-process on free ports: start, send mail, query the API, stop. */
class ServeCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Running> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private record Running(ServeCommand command, CompletableFuture<Integer> exit, WatchedWriter out, StringWriter err) {
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Running r : running) {
            r.command().stop();
            r.exit().get(15, TimeUnit.SECONDS);
        }
    }

    private Running serve(String... args) {
        return serve(Map.of(), args);
    }

    /** Runs serve with {@code environment} as its only environment variables. */
    private Running serve(Map<String, String> environment, String... args) {
        ServeCommand command = new ServeCommand();
        WatchedWriter out = new WatchedWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .setDefaultValueProvider(new EnvironmentDefaults(environment));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(args));
        Running r = new Running(command, exit, out, err);
        running.add(r);
        return r;
    }

    private static String scenario(String name) throws URISyntaxException {
        return Path.of(ServeCommandTest.class.getResource("/" + name).toURI()).toString();
    }

    @Test
    void serves_smtp_and_the_http_api_with_the_scenario_until_stopped() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0", "--scenario", scenario("scenario.yaml"));
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();
        int smtp = r.command().smtpPort();
        int api = r.command().httpPort();

        assertThat(r.out().toString())
                .contains("SMTP      127.0.0.1:" + smtp)
                .contains("HTTP API  http://127.0.0.1:" + api + "/api")
                .contains("rules     3 from ")
                .contains("gmail.user-unknown@bouncekit.test")
                .contains("<provider>.<name>@<any domain>");
        assertThat(r.err().toString()).doesNotContain("WARNING");

        SendFailedException rejected = catchThrowableOfType(SendFailedException.class,
                () -> send(smtp, "app@sender.test", "Through serve", "alice@example.com", "ghost@gmail.com"));
        assertThat(rejected.getInvalidAddresses()).extracting(Object::toString).containsExactly("ghost@gmail.com");

        JsonNode messages = storedMessages(api, 1);
        assertThat(messages.get(0).get("subject").asText()).isEqualTo("Through serve");
        assertThat(messages.get(0).get("to")).extracting(JsonNode::asText).containsExactly("alice@example.com");
        JsonNode transcript = JSON.readTree(get(api, "/api/transcript").body());
        assertThat(transcript.toString()).contains("RCPT recipient=ghost@gmail.com -> gmail/user-unknown");
        assertThat(JSON.readTree(get(api, "/api/rules").body()).get("rules")).hasSize(3);

        r.command().stop();

        assertThat(r.exit().get(15, TimeUnit.SECONDS)).isZero();
        assertThat(r.out().toString()).contains("bouncekit serve: stopping");
        assertThatThrownBy(() -> new Socket("127.0.0.1", smtp).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", api).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void a_bad_scenario_stops_start_up_naming_file_rule_and_field() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0", "--scenario", scenario("bad-scenario.yaml"));

        assertThat(r.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(r.err().toString().strip())
                .isEqualTo("bouncekit serve: bad-scenario.yaml: rule 3: field 'at': stage MAIL cannot match on recipient; use RCPT");
        assertThat(r.out().toString()).isEmpty();
    }

    @Test
    void a_missing_scenario_file_is_reported() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0", "--scenario", "/no/such/dir/rules.yaml");

        assertThat(r.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(r.err().toString().strip()).isEqualTo("bouncekit serve: /no/such/dir/rules.yaml: no such file");
    }

    @Test
    void a_port_in_use_is_reported_and_nothing_keeps_running() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Running r = serve("--smtp-port", "0", "--http-port", String.valueOf(taken.getLocalPort()));

            assertThat(r.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(r.err().toString()).contains("cannot listen for HTTP on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    /**
     * The same port for SMTP and HTTP ended with "Address already in use; stop what uses port N", serve's
     * own SMTP server being what used it. It is refused before anything listens, naming both options.
     */
    @Test
    void the_same_port_for_smtp_and_http_is_refused_naming_both_options() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        Running r = serve("--smtp-port", String.valueOf(port), "--http-port", String.valueOf(port));

        assertThat(r.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(r.err().toString().lines()).containsExactly("bouncekit serve: --smtp-port and --http-port are both "
                + port + "; give them different ports (or 0 for a free one)");
    }

    @Test
    void binding_beyond_loopback_prints_a_loud_warning() throws Exception {
        Running r = serve("--bind", "0.0.0.0", "--smtp-port", "0", "--http-port", "0");
        assertThat(r.command().awaitStarted(WAIT)).isTrue();

        assertThat(r.err().toString()).contains("WARNING").contains("0.0.0.0, which is not a loopback address")
                .contains("no authentication");
    }

    @Test
    void by_default_it_listens_on_127_0_0_1_only_and_says_nothing_alarming() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0");
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();

        assertThat(r.err().toString()).doesNotContain("WARNING");
        for (int port : new int[] {r.command().smtpPort(), r.command().httpPort()}) {
            new Socket("127.0.0.1", port).close();
            assertThatThrownBy(() -> {
                try (Socket other = new Socket()) {
                    other.connect(new InetSocketAddress("127.0.0.2", port), 2_000);
                }
            }).as("port %d on 127.0.0.2", port).isInstanceOf(IOException.class);
        }
    }

    @Test
    void limits_come_from_the_command_line_and_are_shown_at_start() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0", "--max-connections", "1", "--idle-timeout", "500ms",
                "--max-message-size", "2K", "--max-recipients", "2");
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();
        assertThat(r.out().toString()).contains("limits    1 connections, idle timeout 500ms, messages up to 2K (2048 octets), "
                + "2 recipients a message");
        int smtp = r.command().smtpPort();
        JsonNode status = JSON.readTree(get(r.command().httpPort(), "/api/v1/status").body());
        assertThat(status.get("limits")).as(status.toString()).isEqualTo(JSON.readTree(
                "{\"maxConnections\": 1, \"idleTimeout\": \"PT0.5S\", \"maxMessageSize\": 2048, \"maxRecipients\": 2}"));

        try (Socket first = new Socket("127.0.0.1", smtp); Socket second = new Socket("127.0.0.1", smtp)) {
            first.setSoTimeout((int) WAIT.toMillis());
            second.setSoTimeout((int) WAIT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.ISO_8859_1));
            assertThat(in.readLine()).startsWith("220 ");
            assertThat(new String(second.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                    .isEqualTo("421 4.7.0 Too many connections, try again later\r\n");

            first.getOutputStream().write("EHLO client.test\r\n".getBytes(StandardCharsets.ISO_8859_1));
            List<String> ehlo = new ArrayList<>();
            String line;
            do {
                line = in.readLine();
                ehlo.add(line);
            } while (line.startsWith("250-"));
            assertThat(ehlo).contains("250-SIZE 2048");
            first.getOutputStream().write(("MAIL FROM:<a@b.test>\r\nRCPT TO:<x@y.test>\r\nRCPT TO:<z@y.test>\r\n"
                    + "RCPT TO:<w@y.test>\r\n").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(List.of(in.readLine(), in.readLine(), in.readLine(), in.readLine()))
                    .containsExactly("250 OK", "250 OK", "250 OK", "452 4.5.3 Error: too many recipients");
            assertThat(in.readLine()).isEqualTo("421 4.4.2 Error: timeout exceeded, closing connection");
        }
    }

    @Test
    void limits_out_of_range_or_malformed_are_refused_with_the_option_named() throws Exception {
        Running zero = serve("--smtp-port", "0", "--http-port", "0", "--max-connections", "0");
        assertThat(zero.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(zero.err().toString().strip())
                .isEqualTo("bouncekit serve: --max-connections must be 1 or more, not 0");

        Running huge = serve("--smtp-port", "0", "--http-port", "0", "--max-message-size", "2G");
        assertThat(huge.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(huge.err().toString()).startsWith("bouncekit serve: --max-message-size must be between 1 and")
                .endsWith(", not 2G\n");

        Running soon = serve("--smtp-port", "0", "--http-port", "0", "--idle-timeout", "soon");
        assertThat(soon.exit().get(15, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(soon.err().toString()).contains("'soon' is not a duration; use e.g. 500ms, 1.5s, 5m, 1h or PT5M");

        Running big = serve("--smtp-port", "0", "--http-port", "0", "--max-message-size", "lots");
        assertThat(big.exit().get(15, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(big.err().toString()).contains("'lots' is not a size; use e.g. 1048576, 512K, 25M or 1G");
    }

    /**
     * The option's words come from the builder's refusal as fields (setting, rule, value), not from
     * its message read back: a value holding ", not " was cut there and repeated.
     */
    @Test
    void a_refused_value_that_reads_like_the_refusal_is_shown_whole() throws Exception {
        Running run = serve("--smtp-port", "0", "--http-port", "0", "--hostname", "a, not b");

        assertThat(run.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(run.err().toString().lines()).containsExactly("bouncekit serve: --hostname must be a host name such as"
                + " mx.example.test or an address literal such as [192.0.2.1], not 'a, not b'");
        Running fromEnvironment = serve(Map.of("BOUNCEKIT_HOSTNAME", "x, not 'y'"), "--smtp-port", "0", "--http-port", "0");
        assertThat(fromEnvironment.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(fromEnvironment.err().toString().lines()).containsExactly("bouncekit serve: --hostname must be a host"
                + " name such as mx.example.test or an address literal such as [192.0.2.1], not 'x, not 'y''"
                + " (environment: BOUNCEKIT_HOSTNAME=x, not 'y')");
    }

    /** {@code --hostname -bad} (or {@code a..b}) was taken and greeted with; it is refused in one line, as other bad values. */
    @Test
    void a_hostname_that_is_no_host_name_is_refused_in_one_line() throws Exception {
        for (String bad : new String[] {"-bad", "a..b", "[1.2.3.4", ":::"}) {
            Running run = serve("--smtp-port", "0", "--http-port", "0", "--hostname", bad);
            assertThat(run.exit().get(15, TimeUnit.SECONDS)).as(bad).isEqualTo(1);
            assertThat(run.err().toString().lines()).as(bad).containsExactly("bouncekit serve: --hostname must be"
                    + " a host name such as mx.example.test or an address literal such as [192.0.2.1], not '" + bad + "'");
        }
    }

    /**
     * A limit out of range was reported with the builder's name for it and its Java value
     * ({@code --idle-timeout: idleTimeout must be ..., not PT0S}), and one set in the environment
     * named no variable. The option (or variable) is named as the user wrote it, with the value as given.
     */
    @Test
    void limits_out_of_range_name_the_option_or_variable_and_the_value_as_given() throws Exception {
        for (String[] refused : new String[][] {
                {"--max-recipients", "0", "--max-recipients must be between 1 and 1000000, not 0"},
                {"--max-connections", "0", "--max-connections must be 1 or more, not 0"},
                {"--idle-timeout", "0s", "--idle-timeout must be between 1 ms and 24 days, not 0s"},
                {"--idle-timeout", "1000h", "--idle-timeout must be between 1 ms and 24 days, not 1000h"},
                {"--max-message-size", "5G", "--max-message-size must be between 1 and 1073741824 octets, not 5G"},
                {"--smtp-port", "70000", "--smtp-port must be 0 to 65535, not 70000"}}) {
            Running run = refused[0].equals("--smtp-port") ? serve("--http-port", "0", refused[0], refused[1])
                    : serve("--smtp-port", "0", "--http-port", "0", refused[0], refused[1]);
            assertThat(run.exit().get(15, TimeUnit.SECONDS)).as(refused[0] + " " + refused[1]).isEqualTo(1);
            assertThat(run.err().toString().lines()).as(refused[0] + " " + refused[1])
                    .containsExactly("bouncekit serve: " + refused[2]);
        }
        Running fromEnvironment = serve(Map.of("BOUNCEKIT_MAX_RECIPIENTS", "0", "BOUNCEKIT_IDLE_TIMEOUT", "0s"),
                "--smtp-port", "0", "--http-port", "0");
        assertThat(fromEnvironment.exit().get(15, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(fromEnvironment.err().toString().lines()).containsExactly("bouncekit serve: --idle-timeout must be"
                + " between 1 ms and 24 days, not 0s (environment: BOUNCEKIT_IDLE_TIMEOUT=0s)");
    }

    @Test
    void retention_limits_and_cors_origins_out_of_range_are_refused_with_the_option_named() throws Exception {
        for (String[] refused : new String[][] {
                {"--max-messages", "0", "--max-messages must be at least 1, not 0"},
                {"--max-transcripts", "0", "--max-transcripts must be at least 1, not 0"},
                {"--max-refusals", "-1", "--max-refusals must be at least 1, not -1"},
                {"--max-exchanges", "1", "--max-exchanges must be at least 2, not 1"},
                {"--max-age", "0s", "--max-age must be positive, not 0s"},
                {"--cors-origin", "ftp://x", "--cors-origin: 'ftp://x' is not an origin; give http:// or https://,"
                        + " a host and an optional port (http://localhost:3000), or * for any"},
                {"--cors-origin", "https://app.test/path", "--cors-origin: 'https://app.test/path' is not an origin"},
                {"--cors-origin", "localhost:3000", "--cors-origin: 'localhost:3000' is not an origin"}}) {
            Running run = serve("--smtp-port", "0", "--http-port", "0", refused[0], refused[1]);
            assertThat(run.exit().get(15, TimeUnit.SECONDS)).as(refused[0] + " " + refused[1]).isEqualTo(1);
            assertThat(run.err().toString()).as(refused[0] + " " + refused[1]).startsWith("bouncekit serve: " + refused[2]);
            assertThat(run.err().toString().lines()).hasSize(1);
        }
    }

    @Test
    void logs_each_accepted_message_and_each_refusal_with_its_rule() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0", "--scenario", scenario("scenario.yaml"));
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();

        catchThrowableOfType(SendFailedException.class,
                () -> send(r.command().smtpPort(), "app@sender.test", "Logged", "alice@example.com", "ghost@gmail.com"));

        // the log's thread writes queued lines every ServeLog.WRITE_EVERY_MILLIS
        r.out().awaitUntil(out -> logLines(out).size() >= 2, WAIT);
        List<String> log = logLines(r.out().toString());
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).matches("\\S+Z refused RCPT TO:<ghost@gmail\\.com>: 550-5\\.1\\.1 The email account .* \\.\\.\\. "
                + "\\[rule RCPT recipient=ghost@gmail\\.com -> gmail/user-unknown\\] \\(connection 1 from 127\\.0\\.0\\.1\\)");
        assertThat(log.get(1)).matches("\\S+Z accepted message 1 from <app@sender\\.test> to <alice@example\\.com> "
                + "\\(\\d+ octets, connection 1\\)");
        assertThat(r.err().toString()).isEmpty();
    }

    /**
     * What a client sends reaches the terminal that runs serve only as text: an escape sequence in
     * a command (ESC [2J clears the screen, ESC ]0; sets the window title) or a lone CR in an address
     * (which rewrites the log line on a terminal) is written escaped, and each event stays one line.
     */
    @Test
    void control_characters_a_client_sends_are_logged_escaped_not_written_to_the_terminal() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0");
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();

        try (Socket socket = new Socket("127.0.0.1", r.command().smtpPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("EHLO client.test\r\nXYZ \u001b[2J\u001b]0;owned\u0007\r\n"
                    + "MAIL FROM:<app\rFAKE@sender.test>\r\nMAIL FROM:<app@sender.test>\r\nRCPT TO:<alice@example.com>\r\n"
                    + "DATA\r\nSubject: escaped\r\n\r\nx\r\n.\r\nQUIT\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getInputStream().readAllBytes();
        }

        r.out().awaitUntil(out -> logLines(out).size() >= 3, WAIT);
        String out = r.out().toString();
        assertThat(out).doesNotContain("\u001b", "\u0007", "\r");
        List<String> log = logLines(out);
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).contains("refused XYZ \\u001b[2J\\u001b]0;owned\\u0007: 500 5.5.2 ");
        // an address with a control character is refused as Postfix refuses it, and logged escaped
        assertThat(log.get(1)).contains("refused MAIL FROM:<app\\rFAKE@sender.test>: 501 5.1.7 Bad sender address syntax");
        assertThat(log.get(2)).contains("accepted message 1 from <app@sender.test> to <alice@example.com>");
    }

    @Test
    void quiet_logs_nothing_but_the_banner() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0", "--quiet");
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();

        catchThrowableOfType(SendFailedException.class, () -> send(r.command().smtpPort(), "app@sender.test", "Quiet",
                "alice@example.com", MagicAddresses.address("gmail/user-unknown")));

        assertThat(r.out().toString()).contains("Not logging mail (--quiet)").doesNotContain("accepted message", "refused RCPT");
    }

    @Test
    void the_greeting_names_the_configured_host() throws Exception {
        Running r = serve("--smtp-port", "0", "--http-port", "0", "--hostname", "mx.bouncekit.test");
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();

        try (Socket socket = new Socket("127.0.0.1", r.command().smtpPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            assertThat(new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine())
                    .isEqualTo("220 mx.bouncekit.test ESMTP bouncekit");
        }
        assertThat(r.out().toString()).contains("(greets as mx.bouncekit.test)");
    }

    @Test
    void every_option_is_also_read_from_the_environment_and_the_command_line_wins() throws Exception {
        Map<String, String> environment = Map.ofEntries(Map.entry("BOUNCEKIT_SMTP_PORT", "0"),
                Map.entry("BOUNCEKIT_HTTP_PORT", "0"), Map.entry("BOUNCEKIT_BIND", "127.0.0.1"),
                Map.entry("BOUNCEKIT_SCENARIO", scenario("scenario.yaml")), Map.entry("BOUNCEKIT_NO_MAGIC_ADDRESSES", "yes"),
                Map.entry("BOUNCEKIT_MAX_CONNECTIONS", "7"), Map.entry("BOUNCEKIT_IDLE_TIMEOUT", "1.5s"),
                Map.entry("BOUNCEKIT_MAX_MESSAGE_SIZE", "2K"), Map.entry("BOUNCEKIT_MAX_RECIPIENTS", "5"),
                Map.entry("BOUNCEKIT_HOSTNAME", "mx.env.test"),
                Map.entry("BOUNCEKIT_QUIET", "true"), Map.entry("BOUNCEKIT_MAX_MESSAGES", "20"),
                Map.entry("BOUNCEKIT_MAX_TRANSCRIPTS", "30"), Map.entry("BOUNCEKIT_MAX_REFUSALS", "40"),
                Map.entry("BOUNCEKIT_MAX_EXCHANGES", "50"), Map.entry("BOUNCEKIT_MAX_AGE", "2h"),
                Map.entry("BOUNCEKIT_CORS_ORIGIN", "http://localhost:3000"));
        List<String> variables = new CommandLine(new ServeCommand()).getCommandSpec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp()).map(EnvironmentDefaults::variable).toList();
        assertThat(environment.keySet()).as("one variable per option").containsExactlyInAnyOrderElementsOf(variables);

        Running r = serve(environment, "--max-connections", "9");
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();

        assertThat(r.out().toString())
                .contains("limits    9 connections, idle timeout 1500ms, messages up to 2K (2048 octets), 5 recipients a message")
                .contains("keeps     20 messages, 30 transcripts, 40 refusals, none older than 2h")
                .contains("(greets as mx.env.test)", "rules     3 from ", "Magic addresses are off", "Not logging mail (--quiet)");
    }

    /** A misspelt variable left its option at the default without a word: serve listened on 2525, not 2526. */
    @Test
    void a_bouncekit_variable_no_command_reads_is_warned_of_with_the_one_meant_and_serve_goes_on() throws Exception {
        Map<String, String> environment = Map.of("BOUNCEKIT_SMTP_PROT", "2526", "BOUNCEKIT_COLOUR", "blue",
                "BOUNCEKIT_URL", "http://127.0.0.1:8025", "BOUNCEKIT_MAX_BOUNCE_RATE", "1",
                "BOUNCEKIT_SMTP_PORT", "0", "BOUNCEKIT_HTTP_PORT", "0", "BOUNCEKITX", "other");

        Running r = serve(environment);
        assertThat(r.command().awaitStarted(WAIT)).as(r.err().toString()).isTrue();

        assertThat(r.err().toString().lines()).containsExactly(
                "bouncekit serve: warning: BOUNCEKIT_COLOUR is read by no bouncekit command; ignored",
                "bouncekit serve: warning: BOUNCEKIT_SMTP_PROT is read by no bouncekit command; ignored"
                        + " (did you mean BOUNCEKIT_SMTP_PORT?)");
    }

    @Test
    void serve_is_a_subcommand_of_bouncekit() {
        StringWriter out = new StringWriter();
        CommandLine cli = BouncekitCommand.commandLine().setOut(new PrintWriter(out, true));

        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--smtp-port", "--http-port", "--bind", "--scenario", "Default: 2525", "Default: 8025",
                "Default: 127.0.0.1", "--max-connections", "Default: 500", "--idle-timeout", "Default: 5m",
                "--max-message-size", "Default: 25M");
    }

    /** The footer on the environment is one paragraph wrapped to the width of the help, not broken after a few words. */
    @Test
    void the_help_on_the_environment_is_one_paragraph_without_a_ragged_line() {
        StringWriter out = new StringWriter();
        CommandLine cli = BouncekitCommand.commandLine().setOut(new PrintWriter(out, true));

        assertThat(cli.execute("serve", "--help")).isZero();
        List<String> lines = out.toString().lines().toList();
        List<String> footer = lines.subList(lines.indexOf(lines.stream().filter(l -> l.startsWith("Every option can also be set"))
                .findFirst().orElseThrow()), lines.size()).stream().filter(l -> !l.isBlank()).toList();
        assertThat(String.join(" ", footer)).endsWith("The command line wins over the environment.");
        assertThat(footer.subList(0, footer.size() - 1)).allSatisfy(line -> assertThat(line.length()).as(line).isGreaterThan(40));
    }

    private JsonNode storedMessages(int api, int count) throws Exception {
        // the message is stored before the client sees 250 for the data, so one look is enough
        JsonNode messages = JSON.readTree(get(api, "/api/messages").body());
        assertThat(messages).hasSize(count);
        return messages;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void send(int port, String from, String subject, String... to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.sendpartial", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        for (String r : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
        }
        message.setSubject(subject);
        message.setText("body");
        Transport.send(message);
    }

    /** The timestamped lines of serve's log (the banner's lines apart). */
    private static List<String> logLines(String out) {
        return out.lines().filter(l -> l.matches("\\d{4}-.*")).toList();
    }
}
