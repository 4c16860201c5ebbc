package dev.bouncekit.cli;

import com.sun.net.httpserver.HttpServer;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.server.http.ReceiverHttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bouncekit gate} against a real fake receiver and its HTTP API on a free port. */
class GateCommandTest {

    private FakeReceiver receiver;
    private ReceiverHttpApi http;

    @BeforeEach
    void start() throws Exception {
        receiver = FakeReceiver.builder().build().start();
        http = ReceiverHttpApi.start(receiver, 0);
    }

    @AfterEach
    void stop() {
        http.close();
        receiver.close();
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** {@code serve} prints its API as {@code http://127.0.0.1:8025/api/v1}; given that, gate asks the same server. */
    @Test
    void the_address_of_the_api_as_serve_shows_it_is_taken_too() throws Exception {
        send("alice@example.com");
        String server = "http://127.0.0.1:" + http.port();
        for (String url : new String[] {server, server + "/", server + "/api/v1", server + "/api/v1/", server + "/api"}) {
            CommandRun run = run("gate", "--url", url);

            assertThat(run.status()).as(url + ": " + run.err()).isZero();
            assertThat(run.out()).as(url).startsWith("Release gate PASSED");
        }
    }

    /** A misspelt {@code BOUNCEKIT_MAX_BOUNCE_RAT} left the limit at 2% without a word; serve's variables are not warned of. */
    @Test
    void a_bouncekit_variable_no_command_reads_is_warned_of_and_the_gate_still_runs() throws Exception {
        send("alice@example.com");

        CommandRun run = CommandRun.of(Map.of("BOUNCEKIT_MAX_BOUNCE_RAT", "5", "BOUNCEKIT_SMTP_PORT", "2525"),
                "gate", "--url", "http://127.0.0.1:" + http.port());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Release gate PASSED");
        assertThat(run.err().lines()).containsExactly("bouncekit gate: warning: BOUNCEKIT_MAX_BOUNCE_RAT is read by no"
                + " bouncekit command; ignored (did you mean BOUNCEKIT_MAX_BOUNCE_RATE?)");
    }

    /**
     * Another server answering a bare {@code {"passed":true}} passed the gate, printing "limit %": an answer
     * without the figures of a bouncekit gate report is now refused, naming the field it lacks.
     */
    @Test
    void an_answer_without_the_figures_of_a_gate_report_is_refused() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "{\"passed\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        other.start();
        try {
            String url = "http://127.0.0.1:" + other.getAddress().getPort();

            CommandRun run = run("gate", "--url", url);

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).containsExactly("bouncekit gate: " + url + " answered without a number "
                    + "'bounceRate': not a bouncekit gate report; give the HTTP address of 'bouncekit serve' with --url");
        } finally {
            other.stop(0);
        }
    }

    /** A host and port without {@code http://}, as curl takes it, is answered with the address meant, not the JDK's words. */
    @Test
    void an_address_without_a_scheme_is_answered_with_the_one_meant() {
        String hostPort = "127.0.0.1:" + http.port();

        CommandRun run = run("gate", "--url", hostPort);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("bouncekit gate: --url " + hostPort + ": not an HTTP address (no scheme; "
                + "did you mean http://" + hostPort + "?); give one such as http://127.0.0.1:8025");
    }

    /** A malformed address is reported as given, without the path and query the command adds to it. */
    @Test
    void a_malformed_address_is_reported_as_given() {
        CommandRun run = run("gate", "--url", "http://127.0.0.1:80 25");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("bouncekit gate: --url http://127.0.0.1:80 25: not an HTTP address (")
                .doesNotContain("/api/v1/gate", "maxBounceRate");
    }

    /** The limit may be written as the output writes it, {@code 2%}; what is no number says so, in words. */
    @Test
    void the_bounce_rate_limit_may_carry_a_percent_sign() throws Exception {
        send("alice@example.com");
        String server = "http://127.0.0.1:" + http.port();

        CommandRun percent = run("gate", "--url", server, "--max-bounce-rate", "2.5%");

        assertThat(percent.status()).as(percent.err()).isZero();
        assertThat(percent.out()).startsWith("Release gate PASSED (bounce rate 0.00%, limit 2.5%)");
        CommandRun words = run("gate", "--url", server, "--max-bounce-rate", "two");
        assertThat(words.status()).isEqualTo(2);
        assertThat(words.err()).contains("'two' is not a percentage; use e.g. 2, 0.5 or 2%").doesNotContain("double");
    }

    /** A limit of 0 failed every run, "below 0.00% but it was 0.00%"; it now passes a run without a bounce. */
    @Test
    void a_bounce_rate_limit_of_zero_passes_a_run_without_a_bounce() throws Exception {
        send("alice@example.com");

        CommandRun run = run("gate", "--url", "http://127.0.0.1:" + http.port(), "--max-bounce-rate", "0");

        assertThat(run.status()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("Release gate PASSED (bounce rate 0.00%, limit 0.0%)");
    }

    /**
     * A gate over a transcript that retention had cut judged only what was kept and said nothing: a
     * retry after a 5xx whose first attempt was evicted went unseen. It now says what it could not judge.
     */
    @Test
    void a_gate_over_an_evicted_transcript_says_what_it_did_not_see() throws Exception {
        http.close();
        receiver.close();
        receiver = FakeReceiver.builder().retention(dev.bouncekit.receiver.Retention.SERVE_DEFAULTS.withMaxTranscripts(1))
                .build().start();
        http = ReceiverHttpApi.start(receiver, 0);
        send("alice@example.com");
        send("bob@example.com");

        CommandRun run = run("gate", "--url", "http://127.0.0.1:" + http.port());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Release gate PASSED").contains("\n  note  the gate judged the 1 connection kept;"
                + " 1 older one was evicted (serve --max-transcripts) and could not be judged\n");
    }

    /** A server that no mail reached has no bounce rate: the gate fails, as passesReleaseGate() does, rather than pass vacuously. */
    @Test
    void a_server_that_no_mail_reached_fails_the_gate() {
        CommandRun run = run("gate", "--url", "http://127.0.0.1:" + http.port());

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("Release gate FAILED")
                .contains("FAIL  bounce-rate\n        No mail reached the receiver: no client named a recipient (RCPT TO),"
                        + " so there is no bounce rate to judge");
    }

    private void send(String to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("app@sender.test"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Gate");
        message.setText("body");
        Transport.send(message);
    }
}
