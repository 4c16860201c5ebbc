package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.Retention;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** What fails inside a handler, an {@link Error} too, is answered 500 in JSON and logged once, and the server goes on. */
class ReceiverHttpApiFailureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A clock that fails with an {@link Error} while armed: retention asks it the time on every read. */
    private static final class FailingClock extends Clock {
        volatile Throwable failure;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            Throwable now = failure;
            if (now instanceof Error error) {
                throw error;
            }
            if (now instanceof RuntimeException runtime) {
                throw runtime;
            }
            return Instant.now();
        }
    }

    @Test
    void an_error_in_a_handler_gets_a_json_500_is_logged_once_and_the_server_goes_on() throws Exception {
        FailingClock clock = new FailingClock();
        HttpClient http = HttpClient.newHttpClient();
        PrintStream stderr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (FakeReceiver receiver = FakeReceiver.builder().clock(clock)
                .retention(Retention.SERVE_DEFAULTS.withMaxAge(Duration.ofHours(1))).build().start();
             ReceiverHttpApi api = ReceiverHttpApi.start(receiver, "127.0.0.1", 0)) {
            HttpRequest messages = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/messages"))
                    .timeout(WAIT).GET().build();
            HttpResponse<String> failed;
            HttpResponse<String> failedAgain;
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
            try {
                clock.failure = new StackOverflowError("deep");
                failed = http.send(messages, HttpResponse.BodyHandlers.ofString());
                clock.failure = new IllegalStateException("broken");
                failedAgain = http.send(messages, HttpResponse.BodyHandlers.ofString());
            } finally {
                System.setErr(stderr);
            }
            clock.failure = null;
            HttpResponse<String> after = http.send(messages, HttpResponse.BodyHandlers.ofString());

            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
            assertThat(failed.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
            assertThat(JSON.readTree(failed.body()).get("error").asText()).isEqualTo("internal error: StackOverflowError: deep");
            assertThat(failedAgain.statusCode()).isEqualTo(500);
            assertThat(JSON.readTree(failedAgain.body()).get("error").asText()).isEqualTo("internal error: IllegalStateException: broken");
            String log = logged.toString(StandardCharsets.UTF_8);
            assertThat(log.split("java.lang.StackOverflowError: deep", -1)).as(log).hasSize(2);
            assertThat(log).contains("HTTP API failed on GET /api/v1/messages").doesNotContain("Exception in thread");
            assertThat(after.statusCode()).isEqualTo(200);
            JsonNode page = JSON.readTree(after.body());
            assertThat(page.get("total").asInt()).isZero();
        }
    }
}
