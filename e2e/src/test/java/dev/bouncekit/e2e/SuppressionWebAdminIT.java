package dev.bouncekit.e2e;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.bouncekit.e2e.SuppressingRelay.JOURNAL;
import static dev.bouncekit.e2e.SuppressingRelay.SUPPRESSED;
import static dev.bouncekit.e2e.SuppressingRelay.rcptCount;
import static org.assertj.core.api.Assertions.assertThat;

/** The WebAdmin route of the suppression list, loaded from extensions-jars/ by a real James. */
class SuppressionWebAdminIT {

    private final FakeReceiver receiver = FakeReceiver.builder().build().start();
    private final HttpClient http = HttpClient.newHttpClient();
    private Path workDir;
    private JamesRelay james;

    @AfterEach
    void stop() {
        try {
            if (james != null) {
                james.close();
            }
        } finally {
            receiver.close();
            SuppressingRelay.delete(workDir);
        }
    }

    private HttpResponse<String> call(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + james.webAdminPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String address(String address) {
        return URLEncoder.encode(address, StandardCharsets.UTF_8);
    }

    @Test
    void an_address_added_over_webadmin_is_held_back_and_one_removed_is_sent_again() throws Exception {
        workDir = Files.createTempDirectory("bouncekit-james-");
        james = SuppressingRelay.startWithWebAdmin(workDir, receiver, JOURNAL);

        assertThat(call("PUT", "/bouncekit/suppressions/" + address("Ghost@Gmail.com") + "?reason=userunknown").statusCode()).isEqualTo(204);
        HttpResponse<String> list = call("GET", "/bouncekit/suppressions");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"address\":\"ghost@gmail.com\"").contains("\"reason\":\"userunknown\"")
                .contains("\"suppressed\":true");

        Submission.send(james.smtpPort(), "first@sender.test", List.of("ghost@gmail.com", "reader@gmail.com"), "while suppressed");
        assertThat(receiver.awaitMessages(1, JamesRelay.PATIENCE).get(0).to()).containsExactly("reader@gmail.com");
        assertThat(james.awaitMail(SUPPRESSED, "ghost@gmail.com").recipients()).containsExactly("ghost@gmail.com");
        assertThat(rcptCount(receiver, "ghost@gmail.com")).isZero();

        assertThat(call("DELETE", "/bouncekit/suppressions/" + address("ghost@gmail.com")).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/bouncekit/suppressions/" + address("ghost@gmail.com")).statusCode()).isEqualTo(404);
        receiver.reset();
        Submission.send(james.smtpPort(), "second@sender.test", List.of("ghost@gmail.com"), "after the removal");
        assertThat(receiver.awaitMessages(1, JamesRelay.PATIENCE).get(0).to()).containsExactly("ghost@gmail.com");
    }

    @Test
    void bad_requests_answer_400_with_a_message() throws Exception {
        workDir = Files.createTempDirectory("bouncekit-james-");
        james = SuppressingRelay.startWithWebAdmin(workDir, receiver, JOURNAL);

        HttpResponse<String> sender = call("PUT", "/bouncekit/suppressions/" + address("a@example.com") + "?reason=blocked");
        assertThat(sender.statusCode()).isEqualTo(400);
        assertThat(sender.body()).contains("owned by the sender");
        assertThat(call("PUT", "/bouncekit/suppressions/not-an-address").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/bouncekit/suppressions?limit=many").statusCode()).isEqualTo(400);
        // not UTF-8 once percent-decoded (an overlong NUL): Spark fails before the route runs, and WebAdmin's own
        // handler of IllegalArgumentException answers, in JSON like every other error
        HttpResponse<String> notUtf8 = call("GET", "/bouncekit/suppressions/%C0%80@x.test");
        assertThat(notUtf8.statusCode()).as(notUtf8.body()).isEqualTo(400);
        assertThat(notUtf8.body()).contains("\"type\":\"InvalidArgument\"");
    }
}
