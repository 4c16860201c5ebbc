package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API under bad input: random bytes, mutated scenarios, deep nesting, alias bombs, tags,
 * huge bodies and non-HTTP bytes get 4xx answers with a JSON message (never a 500 or a stack
 * trace), the rules stay as they were, and the server keeps serving.
 */
class ReceiverHttpApiAbuseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String EXAMPLE = """
            rules:
              - when: { recipient: "ghost@gmail.com" }
                at: RCPT
                reply: gmail/user-unknown
              - when: { recipientDomain: "*.example.org" }
                at: RCPT
                reply: { code: 451, status: "4.7.1", text: "Greylisted, try again later" }
                times: 2
              - name: slow server
                at: DATA
                accept: true
                delay: 2s
            """;

    private static final byte[] MUTATIONS = " {}[]:,-\"'!&*#|>\n\t\0aZ9\u00e9".getBytes(StandardCharsets.ISO_8859_1);

    private FakeReceiver receiver;
    private ReceiverHttpApi api;
    private final HttpClient http = HttpClient.newHttpClient();
    private String rulesBefore;

    @BeforeEach
    void start() throws Exception {
        receiver = FakeReceiver.builder()
                .rule(ReplyRule.when(Condition.recipient("keep@example.com")).reply("generic/user-unknown")).build().start();
        api = ReceiverHttpApi.start(receiver, 0);
        rulesBefore = get("/api/rules").body();
    }

    @AfterEach
    void stop() throws Exception {
        HttpResponse<String> index = get("/api");
        assertThat(index.statusCode()).as("the API still serves").isEqualTo(200);
        api.close();
        receiver.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(WAIT);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> putRules(byte[] body) throws Exception {
        return http.send(request("/api/rules").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJsonError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isNotBlank().doesNotContain("\tat ").doesNotContain("Exception");
    }

    /**
     * A body that is not UTF-8 was read with U+FFFD for its characters: UTF-16 was "not valid YAML: special characters
     * are not allowed", and a Latin-1 rule name was taken with U+FFFD in it. Such a body is refused as not UTF-8.
     */
    @Test
    void a_body_that_is_not_utf_8_is_refused_as_such() throws Exception {
        byte[][] bodies = {"rules: []\n".getBytes(StandardCharsets.UTF_16),
                "rules: [ { name: Caf\u00e9, at: RCPT, disconnect: true } ]\n".getBytes(StandardCharsets.ISO_8859_1)};
        for (byte[] body : bodies) {
            HttpResponse<String> refused = http.send(request("/api/v1/rules").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("request body: not UTF-8 text; send it as UTF-8");
        }
        assertThat(get("/api/rules").body()).isEqualTo(rulesBefore);
    }

    /**
     * Four clients that stopped half-way through a request body held the four request threads there were, and the
     * API, the web page and {@code /livez} answered nobody until they went away.
     */
    @Test
    void clients_stuck_half_way_through_a_body_leave_the_api_serving() throws Exception {
        List<Socket> stuck = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket("127.0.0.1", api.port());
                socket.getOutputStream().write(("PUT /api/v1/rules HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"ru").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stuck.add(socket);
            }

            assertThat(get("/livez").statusCode()).isEqualTo(200);
            assertThat(get("/api/v1/messages").statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : stuck) {
                socket.close();
            }
        }
    }

    @Test
    void random_bytes_as_rules_get_400_with_a_message() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[1 + random.nextInt(2048)];
            random.nextBytes(body);
            assertJsonError(putRules(body), 400);
        }
        assertThat(get("/api/rules").body()).isEqualTo(rulesBefore);
    }

    @Test
    void mutated_scenarios_get_200_or_400_and_never_a_server_error() throws Exception {
        Random random = new Random(11);
        byte[] example = EXAMPLE.getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        for (int i = 0; i < 300; i++) {
            byte[] body = example.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                body[random.nextInt(body.length)] = MUTATIONS[random.nextInt(MUTATIONS.length)];
            }
            HttpResponse<String> response = putRules(body);
            assertThat(response.statusCode()).as(new String(body, StandardCharsets.UTF_8)).isIn(200, 400);
            if (response.statusCode() == 400) {
                assertJsonError(response, 400);
            } else {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations still make valid scenarios").isPositive();
    }

    @Test
    void deeply_nested_json_and_yaml_get_400() throws Exception {
        assertJsonError(putRules(("{\"rules\": " + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8)), 400);
        assertJsonError(putRules(("{\"rules\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8)), 400);
        assertJsonError(putRules(("rules: " + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8)), 400);
        StringBuilder yaml = new StringBuilder("rules:\n");
        for (int depth = 1; depth < 500; depth++) {
            yaml.append("  ".repeat(depth)).append("- \n");
        }
        assertJsonError(putRules(yaml.toString().getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(get("/api/rules").body()).isEqualTo(rulesBefore);
    }

    @Test
    void yaml_alias_bombs_and_tags_get_400() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + previous + ",").repeat(9)).append('*')
                    .append(previous).append("]\n");
            previous = c;
        }
        assertJsonError(putRules(bomb.toString().getBytes(StandardCharsets.UTF_8)), 400);

        HttpResponse<String> tagged = putRules("rules: [ { at: RCPT, reply: !!java.io.File generic/user-unknown } ]"
                .getBytes(StandardCharsets.UTF_8));
        assertJsonError(tagged, 400);
        assertThat(JSON.readTree(tagged.body()).get("error").asText()).contains("YAML tags are not allowed (found !!java.io.File)");
        assertThat(get("/api/rules").body()).isEqualTo(rulesBefore);
    }

    @Test
    void a_body_over_one_mebibyte_gets_413_and_the_rules_stay() throws Exception {
        byte[] huge = new byte[3 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        assertJsonError(putRules(huge), 413);
        assertThat(get("/api/rules").body()).isEqualTo(rulesBefore);
    }

    @Test
    void odd_paths_and_methods_get_json_errors() throws Exception {
        assertJsonError(get("/api/messages/99999999999999999999"), 404);
        assertJsonError(get("/api/messages/-1/raw"), 404);
        assertJsonError(get("/api/messages/%00"), 404);
        assertJsonError(get("/api/../../etc/passwd"), 404);
        assertJsonError(http.send(request("/api/rules").method("BREW", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()), 405);
    }

    /**
     * A lone {@code %} in a query makes the request target an invalid URI, which the JDK's server
     * refuses with its own HTML 400 before any handler runs (documented in server/README.md);
     * encoded, the same search is answered as JSON.
     */
    @Test
    void a_query_is_read_when_percent_encoded_and_a_lone_percent_is_refused_by_the_jdk() throws Exception {
        HttpResponse<String> encoded = get("/api/v1/messages?query=%25");
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(encoded.body()).get("total").asInt()).isZero();

        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write("GET /api/v1/messages?query=% HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("Content-Type: text/html");
        }
    }

    /**
     * A long query is answered; a request line past the JDK's limit on the request head
     * ({@code sun.net.httpserver.maxReqHeaderSize}, 380 KiB) is dropped by the JDK's server
     * before any handler runs, without an answer (documented in server/README.md), and the server
     * keeps serving.
     */
    @Test
    void a_long_query_is_answered_and_one_past_the_jdks_limit_is_dropped() throws Exception {
        HttpResponse<String> longQuery = get("/api/v1/messages?query=" + "q".repeat(300_000));
        assertThat(longQuery.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(longQuery.body()).get("total").asInt()).isZero();

        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(("GET /api/v1/messages?query=" + "q".repeat(400_000) + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
        } catch (SocketException reset) {
            // dropped with a reset: the rest of the request was never read
        }
        assertThat(get("/api/v1/status").statusCode()).isEqualTo(200);
    }

    /** Each message is searched for each word: a query of tens of thousands of words is refused, a repeated word counts once. */
    @Test
    void a_query_of_more_than_a_hundred_words_is_refused_and_repeated_words_count_once() throws Exception {
        String many = String.join("%20", Collections.nCopies(101, "w"));
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            distinct.append(i == 0 ? "" : "%20").append("w").append(i);
        }
        HttpResponse<String> tooMany = get("/api/v1/messages?query=" + distinct);
        assertJsonError(tooMany, 400);
        assertThat(JSON.readTree(tooMany.body()).get("error").asText())
                .isEqualTo("query has 20000 words or phrases; search for at most 100");
        assertThat(get("/api/v1/messages?query=" + many).statusCode()).as("one word, 101 times").isEqualTo(200);
    }

    @Test
    void bytes_that_are_not_http_are_dropped_and_the_server_keeps_serving() throws Exception {
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4096)];
            random.nextBytes(garbage);
            try (Socket socket = new Socket("127.0.0.1", api.port())) {
                socket.setSoTimeout((int) WAIT.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(garbage);
                out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
            } catch (SocketException reset) {
                // the server dropped the connection: also fine
            }
        }
        assertThat(get("/api/rules").statusCode()).isEqualTo(200);
    }
}
