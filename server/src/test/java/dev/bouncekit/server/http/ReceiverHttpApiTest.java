package dev.bouncekit.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.receiver.Retention;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiverHttpApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeReceiver receiver;
    private ReceiverHttpApi api;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        receiver = FakeReceiver.builder().build().start();
        api = ReceiverHttpApi.start(receiver, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        api.close();
        receiver.close();
    }

    @Test
    void lists_stored_messages_and_serves_their_raw_bytes() throws Exception {
        send("app@sender.test", "Over HTTP", "alice@example.com", "bob@example.com");
        receiver.awaitMessages(1, WAIT);

        HttpResponse<String> list = get("/api/messages");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode message = JSON.readTree(list.body()).get(0);
        assertThat(message.get("id").asInt()).isEqualTo(1);
        assertThat(message.get("from").asText()).isEqualTo("app@sender.test");
        assertThat(message.get("to")).extracting(JsonNode::asText).containsExactly("alice@example.com", "bob@example.com");
        assertThat(message.get("subject").asText()).isEqualTo("Over HTTP");
        assertThat(message.get("size").asInt()).isEqualTo(receiver.receivedMessages().get(0).size());
        assertThat(message.get("receivedAt").asText()).isNotBlank();

        HttpResponse<byte[]> raw = http.send(request("/api/messages/1/raw").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).contains("message/rfc822");
        assertThat(raw.body()).isEqualTo(receiver.receivedMessages().get(0).raw());

        assertThat(get("/api/messages/1").body()).contains("\"subject\":\"Over HTTP\"");
        assertThat(get("/api/messages/99/raw").statusCode()).isEqualTo(404);
        assertThat(get("/api/messages/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void delete_messages_empties_the_store() throws Exception {
        send("app@sender.test", "Gone", "alice@example.com");
        receiver.awaitMessages(1, WAIT);

        HttpResponse<String> delete = http.send(request("/api/messages").DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(delete.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get("/api/messages").body())).isEmpty();
        assertThat(receiver.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void the_gate_fails_when_no_mail_reached_the_receiver_and_passes_once_some_did() throws Exception {
        JsonNode empty = JSON.readTree(get("/api/v1/gate").body());

        assertThat(empty.get("passed").asBoolean()).isFalse();
        assertThat(empty.get("checks").get(2).get("name").asText()).isEqualTo("bounce-rate");
        assertThat(empty.get("checks").get(2).get("passed").asBoolean()).isFalse();
        assertThat(empty.get("checks").get(2).get("evidence").asText())
                .startsWith("No mail reached the receiver: no client named a recipient (RCPT TO)");

        send("app@sender.test", "Sent", "alice@example.com");
        receiver.awaitMessages(1, WAIT);
        assertThat(JSON.readTree(get("/api/v1/gate").body()).get("passed").asBoolean()).isTrue();
    }

    /**
     * {@code bouncekit gate --max-bounce-rate 2%} was taken, but {@code /api/v1/gate?maxBounceRate=2%25} was a 400:
     * the API reads the limit as the command does.
     */
    @Test
    void the_gate_takes_its_limit_as_bouncekit_gate_does() throws Exception {
        for (String limit : new String[] {"2%25", "2", "%202%20%25"}) {
            HttpResponse<String> gate = get("/api/v1/gate?maxBounceRate=" + limit);

            assertThat(gate.statusCode()).as(limit).isEqualTo(200);
            assertThat(JSON.readTree(gate.body()).get("maxBounceRate").asDouble()).as(limit).isEqualTo(2.0);
        }
        assertThat(JSON.readTree(get("/api/v1/gate?maxBounceRate=0.5%25").body()).get("maxBounceRate").asDouble())
                .isEqualTo(0.5);
        HttpResponse<String> over = get("/api/v1/gate?maxBounceRate=150%25");
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(over.body()).get("error").asText())
                .isEqualTo("maxBounceRate must be a percentage from 0 to 100 (2, 0.5 or 2%), not '150%'");
    }

    @Test
    void transcript_shows_each_exchange_with_stage_reply_and_rule() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).reply("gmail/user-unknown"));
        try {
            send("app@sender.test", "T", "ghost@gmail.com");
        } catch (jakarta.mail.SendFailedException expected) {
            // the rejection is what this test records
        }
        receiver.awaitConnections(1, WAIT);

        JsonNode connection = JSON.readTree(get("/api/transcript").body()).get(0);

        assertThat(connection.get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(connection.get("helo").asText()).isEqualTo("client.test");
        JsonNode rcpt = null;
        for (JsonNode x : connection.get("exchanges")) {
            if ("RCPT".equals(x.get("stage").asText())) {
                rcpt = x;
            }
        }
        assertThat(rcpt).isNotNull();
        assertThat(rcpt.get("command").asText()).isEqualTo("RCPT TO:<ghost@gmail.com>");
        assertThat(rcpt.get("code").asInt()).isEqualTo(550);
        assertThat(rcpt.get("reply")).hasSize(4);
        assertThat(rcpt.get("rule").asText()).isEqualTo("RCPT recipient=ghost@gmail.com -> gmail/user-unknown");
        assertThat(connection.get("exchanges").get(0).get("command").isNull()).isTrue();
        assertThat(connection.get("exchanges").get(0).get("stage").asText()).isEqualTo("CONNECT");
    }

    @Test
    void put_rules_replaces_them_with_a_yaml_or_json_scenario() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.any()).at(dev.bouncekit.reply.SmtpStage.CONNECT).disconnect());
        String yaml = "rules:\n  - when: { recipient: \"ghost@gmail.com\" }\n    at: RCPT\n    reply: gmail/user-unknown\n";

        HttpResponse<String> put = http.send(request("/api/rules").header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(receiver.rules()).containsExactly(
                ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(dev.bouncekit.reply.SmtpStage.RCPT).reply("gmail/user-unknown"));
        String listed = get("/api/rules").body();
        assertThat(JSON.readTree(listed)).isEqualTo(JSON.readTree(
                "{\"rules\":[{\"when\":{\"recipient\":\"ghost@gmail.com\"},\"at\":\"RCPT\",\"reply\":\"gmail/user-unknown\"}]}"));

        HttpResponse<String> again = http.send(request("/api/rules").PUT(HttpRequest.BodyPublishers.ofString(listed)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(receiver.rules()).hasSize(1);

        assertThat(http.send(request("/api/rules").DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        assertThat(receiver.rules()).isEmpty();
    }

    /**
     * API v1 could replace the rules (PUT) but not take one away, nor clear them, as WireMock's
     * {@code DELETE /__admin/mappings/{id}} does: DELETE on a rule's position (from 1, as in GET) removes
     * it and keeps the others' use counts; DELETE on the list removes every rule.
     */
    @Test
    void v1_deletes_one_rule_by_its_position_and_every_rule() throws Exception {
        String yaml = "rules:\n"
                + "  - when: { recipient: \"ghost@gmail.com\" }\n    at: RCPT\n    reply: gmail/user-unknown\n"
                + "  - when: { recipient: \"once@example.org\" }\n    at: RCPT\n    reply: generic/greylisted\n    times: 1\n"
                + "  - when: { recipient: \"full@example.org\" }\n    at: RCPT\n    reply: generic/mailbox-full\n";
        assertThat(http.send(request("/api/v1/rules").PUT(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> send("app@sender.test", "Once", "once@example.org"))
                .isInstanceOf(jakarta.mail.SendFailedException.class);

        HttpResponse<String> first = http.send(request("/api/v1/rules/1").DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(204);
        JsonNode left = JSON.readTree(get("/api/v1/rules").body()).get("rules");
        assertThat(left).extracting(rule -> rule.get("when").get("recipient").asText())
                .containsExactly("once@example.org", "full@example.org");
        assertThat(receiver.ruleUses()).containsExactly(1, 0);
        send("app@sender.test", "Once more", "once@example.org", "ghost@gmail.com");   // used up, and no rule for ghost
        receiver.awaitMessages(1, WAIT);

        HttpResponse<String> none = http.send(request("/api/v1/rules/3").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(none.body()).get("error").asText())
                .isEqualTo("no such rule: 3; there are 2 rules, numbered from 1 as GET /api/v1/rules lists them");
        assertThat(http.send(request("/api/v1/rules/first").DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(http.send(request("/api/v1/rules/0").DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(receiver.rules()).hasSize(2);

        HttpResponse<String> all = http.send(request("/api/v1/rules").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(all.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get("/api/v1/rules").body()).get("rules")).isEmpty();
        assertThat(JSON.readTree(http.send(request("/api/v1/rules/1").DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .body()).get("error").asText()).isEqualTo("no such rule: 1; there are no rules");
    }

    /** API v1 had no way to clear the transcript or the refusals but a reset that forgets the mail too. */
    @Test
    void v1_clears_the_transcript_and_the_rejections_and_keeps_the_mail() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("ghost@gmail.com")).reply("gmail/user-unknown"));
        send("app@sender.test", "Kept", "alice@example.com");
        assertThatThrownBy(() -> send("app@sender.test", "Refused", "ghost@gmail.com"))
                .isInstanceOf(jakarta.mail.SendFailedException.class);
        receiver.awaitConnections(2, WAIT);

        HttpResponse<String> transcript = http.send(request("/api/v1/transcript").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(transcript.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get("/api/v1/transcript").body()).get("total").asInt()).isZero();
        assertThat(JSON.readTree(get("/api/v1/rejections").body()).get("total").asInt()).isEqualTo(1);

        HttpResponse<String> rejections = http.send(request("/api/v1/rejections").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(rejections.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get("/api/v1/rejections").body()).get("total").asInt()).isZero();
        assertThat(JSON.readTree(get("/api/v1/messages").body()).get("total").asInt()).isEqualTo(1);
        assertThat(receiver.rules()).hasSize(1);

        JsonNode paths = JSON.readTree(get("/api/v1/openapi.json").body()).get("paths");
        for (String path : new String[] {"/api/v1/transcript", "/api/v1/rejections", "/api/v1/rules", "/api/v1/rules/{position}"}) {
            assertThat(paths.get(path)).as(path).isNotNull();
            assertThat(paths.get(path).has("delete")).as(path).isTrue();
        }
    }

    /** The limits SMTP enforces are in the status, as the OpenAPI document describes it. */
    @Test
    void status_shows_the_limits_smtp_enforces_as_the_openapi_document_says() throws Exception {
        try (FakeReceiver limited = FakeReceiver.builder().maxConnections(3).idleTimeout(Duration.ofSeconds(90))
                .maxMessageSize(4096).maxRecipients(7).build().start();
             ReceiverHttpApi limitedApi = ReceiverHttpApi.start(limited, "127.0.0.1", 0)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + limitedApi.port() + "/api/v1/status")).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode status = JSON.readTree(response.body());

            assertThat(status.get("limits")).as(response.body()).isEqualTo(JSON.readTree(
                    "{\"maxConnections\": 3, \"idleTimeout\": \"PT1M30S\", \"maxMessageSize\": 4096, \"maxRecipients\": 7}"));
            JsonNode openapi = JSON.readTree(get("/api/v1/openapi.json").body());
            assertThat(openapi.at("/paths/~1api~1v1~1status/get/responses/200/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Status");
            JsonNode schema = openapi.at("/components/schemas/Status");
            assertThat(status.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(() -> schema.get("properties").fieldNames());
            for (String part : new String[] {"limits", "retention", "evicted"}) {
                assertThat(status.get(part).fieldNames()).toIterable().as(part)
                        .containsExactlyInAnyOrderElementsOf(() -> schema.at("/properties/" + part + "/properties").fieldNames());
            }
        }
    }

    @Test
    void bad_rules_get_400_with_a_message_and_leave_the_rules_alone() throws Exception {
        receiver.addRule(ReplyRule.when(Condition.recipient("keep@example.com")).reply("generic/user-unknown"));

        for (String body : new String[] {"{\"rules\": [", "rules: [ { when: { recipient: a@b.test }, at: MAIL, reply: generic/user-unknown } ]",
                "\u0000\u0001binary", ""}) {
            HttpResponse<String> put = http.send(request("/api/rules").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(body).isEqualTo(400);
            JsonNode error = JSON.readTree(put.body());
            assertThat(error.get("error").asText()).as(body).startsWith("request body: ").doesNotContain("\tat ");
        }
        HttpResponse<String> stage = http.send(request("/api/rules").PUT(HttpRequest.BodyPublishers.ofString(
                "rules: [ { when: { recipient: a@b.test }, at: MAIL, reply: generic/user-unknown } ]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(stage.body()).get("error").asText())
                .isEqualTo("request body: rule 1: field 'at': stage MAIL cannot match on recipient; use RCPT");
        assertThat(receiver.rules()).hasSize(1);
    }

    @Test
    void catalog_lists_entries_with_magic_addresses_and_aliases() throws Exception {
        JsonNode catalog = JSON.readTree(get("/api/catalog").body());

        assertThat(catalog.size()).isGreaterThan(50);
        JsonNode spamhaus = null;
        for (JsonNode e : catalog) {
            if (e.get("id").asText().equals("outlook/spamhaus-client")) {
                spamhaus = e;
            }
        }
        assertThat(spamhaus).isNotNull();
        assertThat(spamhaus.get("magicAddress").asText()).isEqualTo(MagicAddresses.address("outlook/spamhaus-client"));
        assertThat(spamhaus.get("aliases")).extracting(JsonNode::asText).containsExactly("outlook/spamhaus-blocked");
        assertThat(spamhaus.get("stage").asText()).isEqualTo("MAIL");
        assertThat(spamhaus.get("code").asInt()).isEqualTo(550);
    }

    @Test
    void unknown_paths_and_methods_get_json_errors() throws Exception {
        HttpResponse<String> missing = get("/api/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("/api/nothing");

        HttpResponse<String> wrong = http.send(request("/api/catalog").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(get("/api").body()).contains("PUT /api/rules");
    }

    /**
     * {@code /api/v1/gate?max_bounce_rate=50} judged against the default 2% without a word, and
     * {@code /api/v1/messages?Limit=1} gave a page of 50: a parameter spelt like one read but not it is now a 400.
     */
    @Test
    void a_query_parameter_spelt_like_one_read_is_refused_naming_the_one_meant() throws Exception {
        String[][] cases = {
                {"/api/v1/gate?max_bounce_rate=50", "query parameter 'max_bounce_rate' is not read; did you mean 'maxBounceRate'?"},
                {"/api/v1/gate?maxbouncerate=50", "query parameter 'maxbouncerate' is not read; did you mean 'maxBounceRate'?"},
                {"/api/v1/messages?Limit=1", "query parameter 'Limit' is not read; did you mean 'limit'?"},
        };
        for (String[] c : cases) {
            HttpResponse<String> refused = get(c[0]);

            assertThat(refused.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(get("/api/v1/messages?limit=1&_=1700000000").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/gate?maxBounceRate=50&_=1700000000").statusCode()).isEqualTo(200);
    }

    /**
     * Once SMTP had stopped, {@code /readyz} answered a 500 (and logged the receiver's "not running" with its stack
     * trace at every probe) instead of the documented 503, and {@code /api/v1/status} a 500.
     */
    @Test
    void readyz_answers_503_and_status_no_port_once_smtp_has_stopped() throws Exception {
        receiver.close();

        HttpResponse<String> ready = get("/readyz");
        HttpResponse<String> status = get("/api/v1/status");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("not ready");
        assertThat(JSON.readTree(ready.body()).get("smtpPort").isNull()).isTrue();
        assertThat(get("/livez").statusCode()).isEqualTo(200);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).get("smtpPort").isNull()).isTrue();
    }

    /** {@code limit=5000} is a page of at most 1000, but {@code limit=99999999999} was "not a whole number from 0". */
    @Test
    void a_start_or_limit_past_int_s_range_is_taken_as_the_most_there_is() throws Exception {
        send("app@sender.test", "Paged", "alice@example.com");
        receiver.awaitMessages(1, WAIT);

        JsonNode all = JSON.readTree(get("/api/v1/messages?limit=99999999999").body());
        JsonNode past = JSON.readTree(get("/api/v1/messages?start=99999999999").body());

        assertThat(all.get("count").asInt()).isEqualTo(1);
        assertThat(past.get("total").asInt()).isEqualTo(1);
        assertThat(past.get("count").asInt()).isZero();
        assertThat(get("/api/v1/messages?limit=-1").statusCode()).isEqualTo(400);
    }

    /**
     * A search read the whole stored message, so a word of the trace fields the receiver adds to every message
     * ({@code Received: from 127.0.0.1 (HELO client.test); Thu Dec 03 ...}) found them all: {@code helo}, a client's
     * address or the hour. It reads the subject, the addresses and the body, as documented.
     */
    @Test
    void a_search_reads_the_subject_the_addresses_and_the_body_not_the_trace_fields() throws Exception {
        send("app@sender.test", "Searchable subject", "alice@example.com");
        receiver.awaitMessages(1, WAIT);
        String raw = new String(receiver.receivedMessages().get(0).raw(), StandardCharsets.UTF_8);
        assertThat(raw).containsIgnoringCase("HELO").containsIgnoringCase("Return-Path:").contains("MIME-Version:");

        for (String absent : new String[] {"helo", "return-path", "received", "mime-version"}) {
            assertThat(JSON.readTree(get("/api/v1/messages?query=" + absent).body()).get("total").asInt()).as(absent).isZero();
        }
        for (String found : new String[] {"searchable", "alice@example.com", "app@sender.test", "body", "%22searchable+subject%22"}) {
            assertThat(JSON.readTree(get("/api/v1/messages?query=" + found).body()).get("total").asInt()).as(found).isEqualTo(1);
        }
    }

    /**
     * The API's address as serve prints it, {@code http://127.0.0.1:8025/api/v1}, answered {@code 404 no such endpoint}:
     * it now lists the endpoints of the OpenAPI document.
     */
    @Test
    void the_api_address_lists_the_endpoints_of_the_openapi_document() throws Exception {
        for (String path : new String[] {"/api/v1", "/api/v1/"}) {
            HttpResponse<String> index = get(path);

            assertThat(index.statusCode()).as(path).isEqualTo(200);
            JsonNode body = JSON.readTree(index.body());
            assertThat(body.get("endpoints")).extracting(JsonNode::asText).contains("GET /api/v1", "GET /api/v1/messages",
                    "GET /api/v1/messages/{id}/raw", "POST /api/v1/reset", "DELETE /api/v1/rules/{position}", "GET /api/v1/gate");
            assertThat(body.get("openapi").asText()).isEqualTo("/api/v1/openapi.json");
        }
        JsonNode paths = JSON.readTree(get("/api/v1/openapi.json").body()).get("paths");
        assertThat(JSON.readTree(get("/api/v1").body()).get("endpoints")).hasSize(countOperations(paths));
        assertThat(http.send(request("/api/v1").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    private static int countOperations(JsonNode paths) {
        int operations = 0;
        for (JsonNode path : paths) {
            operations += path.size();
        }
        return operations;
    }

    @Test
    void head_answers_every_get_with_its_status_and_headers_and_no_body() throws Exception {
        send("app@sender.test", "Headed", "alice@example.com");
        receiver.awaitMessages(1, WAIT);

        for (String path : new String[] {"/livez", "/readyz", "/", "/api/v1/messages", "/api/v1/messages/1",
                "/api/v1/messages/1/raw", "/api/v1/openapi.json", "/api/v1/rules", "/api/messages/1/raw"}) {
            HttpResponse<byte[]> get = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> head = http.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(head.statusCode()).as("HEAD %s", path).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Type")).as("HEAD %s", path)
                    .isEqualTo(get.headers().firstValue("Content-Type"));
            assertThat(head.headers().firstValueAsLong("Content-Length")).as("HEAD %s", path)
                    .hasValue(get.body().length);
            assertThat(head.body()).as("HEAD %s", path).isEmpty();
        }
        assertThat(http.send(request("/api/v1/messages/99").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(404);

        HttpResponse<String> wrong = http.send(request("/api/v1/messages").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET, HEAD, DELETE, OPTIONS");
    }

    /**
     * HEAD where GET is not allowed: the 405 a GET gets, headers only. Its JSON message (which, HEAD
     * being answered as GET, names GET) is never sent, so a client sees the status, {@code Allow} and
     * the {@code Content-Length} of the GET answer, as RFC 9110 (9.3.2) asks of HEAD.
     */
    @Test
    void head_where_get_is_not_allowed_gets_the_405_of_a_get_without_its_body() throws Exception {
        HttpResponse<byte[]> get = http.send(request("/api/v1/reset").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = http.send(request("/api/v1/reset").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length);
        assertThat(head.body()).isEmpty();
    }

    /**
     * {@code OPTIONS} names the methods of the path it asks about, the ones a 405 there names, not
     * every method of the API; a browser's preflight is allowed those only; a path that is not
     * there is a 404.
     */
    @Test
    void options_names_the_methods_of_its_path() throws Exception {
        for (String[] pathAndMethods : new String[][] {
                {"/api/v1/messages", "GET, HEAD, DELETE, OPTIONS"},
                {"/api/v1/messages/7", "GET, HEAD, DELETE, OPTIONS"},
                {"/api/v1/messages/7/raw", "GET, HEAD, OPTIONS"},
                {"/api/v1/rules", "GET, HEAD, PUT, DELETE, OPTIONS"},
                {"/api/v1/rules/2", "DELETE, OPTIONS"},
                {"/api/v1/transcript", "GET, HEAD, DELETE, OPTIONS"},
                {"/api/v1/rejections", "GET, HEAD, DELETE, OPTIONS"},
                {"/api/v1/reset", "POST, OPTIONS"},
                {"/api/v1/gate", "GET, HEAD, OPTIONS"},
                {"/api/rules", "GET, HEAD, PUT, DELETE, OPTIONS"},
                {"/livez", "GET, HEAD, OPTIONS"}}) {
            HttpResponse<String> options = http.send(request(pathAndMethods[0])
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(options.statusCode()).as(pathAndMethods[0]).isEqualTo(204);
            assertThat(options.headers().firstValue("Allow")).as(pathAndMethods[0]).hasValue(pathAndMethods[1]);
        }

        HttpResponse<String> preflight = http.send(request("/api/v1/reset").header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST, OPTIONS");

        HttpResponse<String> nowhere = http.send(request("/api/v1/nothing")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("no such endpoint: /api/v1/nothing");
    }

    /** An id too large for any message is no message, not "not a number". */
    @Test
    void a_message_id_larger_than_any_is_no_such_message() throws Exception {
        HttpResponse<String> huge = get("/api/v1/messages/99999999999");

        assertThat(huge.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(huge.body()).get("error").asText()).isEqualTo("no such message: 99999999999");
        assertThat(JSON.readTree(get("/api/v1/messages/abc").body()).get("error").asText())
                .isEqualTo("no such message: 'abc'; ids are numbers from GET /api/v1/messages");
    }

    @Test
    void a_head_leaves_the_connection_ready_for_the_next_request() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answers).startsWith("HTTP/1.1 200 OK\r\n");
            String head = answers.substring(0, answers.indexOf("\r\n\r\n") + 4);
            assertThat(head).containsIgnoringCase("Content-Length: 15\r\n");
            assertThat(answers.substring(head.length())).startsWith("HTTP/1.1 200 OK\r\n").endsWith("{\"status\":\"ok\"}");
        }
    }

    @Test
    void a_message_with_a_broken_part_keeps_its_headers_and_its_other_parts() throws Exception {
        String broken = String.join("\r\n",
                "Subject: Broken parts", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b\"", "",
                "--b", "Content-Type: text/plain; charset=x-no-such-charset", "", "plain text survives",
                "--b", "Content-Type: text/html", "", "<p>html survives</p>",
                "--b", "Content-Type: application/pdf; name=\"a.pdf\"", "Content-Transfer-Encoding: base64", "",
                "JVBERi0xLjQ=", "--b--", "");
        String noBoundary = String.join("\r\n", "Subject: No boundary", "Content-Type: multipart/alternative", "",
                "a multipart without its boundary", "");
        sendRaw(broken);
        sendRaw(noBoundary);
        receiver.awaitMessages(2, WAIT);

        JsonNode first = JSON.readTree(get("/api/v1/messages/1").body());
        assertThat(first.get("headers").findValuesAsText("name")).contains("Subject", "Content-Type");
        assertThat(first.get("text").asText()).contains("plain text survives");
        assertThat(first.get("html").asText()).contains("<p>html survives</p>");
        assertThat(first.get("attachments").get(0).get("name").asText()).isEqualTo("a.pdf");

        JsonNode second = JSON.readTree(get("/api/v1/messages/2").body());
        assertThat(second.get("subject").asText()).isEqualTo("No boundary");
        assertThat(second.get("headers").findValuesAsText("value")).contains("No boundary", "multipart/alternative");
    }

    @Test
    void a_message_nested_ten_thousand_multiparts_deep_opens_as_far_as_it_was_read() throws Exception {
        stop();
        receiver = FakeReceiver.builder().retention(Retention.SERVE_DEFAULTS).build().start();
        api = ReceiverHttpApi.start(receiver, "127.0.0.1", 0);
        int depth = 10_000;
        StringBuilder data = new StringBuilder("Subject: Deep\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            data.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        data.append("Content-Type: text/plain\r\n\r\ndeep inside\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            data.append("--b").append(i).append("--\r\n");
        }
        sendRaw(data.toString());
        send("app@sender.test", "After the deep one", "bob@example.com");
        receiver.awaitMessages(2, WAIT);

        HttpResponse<String> opened = get("/api/v1/messages/1");

        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode message = JSON.readTree(opened.body());
        assertThat(message.get("subject").asText()).isEqualTo("Deep");
        assertThat(message.get("headers").findValuesAsText("value")).contains("Deep");
        assertThat(message.get("text").asText()).isEmpty();
        assertThat(message.get("truncated").asText())
                .isEqualTo("MIME parts nested deeper than " + FakeReceiver.MAX_MIME_DEPTH + " levels were not read");
        assertThat(JSON.readTree(get("/api/v1/messages/2").body()).get("truncated").isNull()).isTrue();
        HttpResponse<String> search = get("/api/v1/messages?query=nowhere");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).get("total").asInt()).isZero();
        HttpResponse<byte[]> raw = http.send(request("/api/v1/messages/1/raw").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.body()).isEqualTo(receiver.receivedMessages().get(0).raw());
    }

    /**
     * curl and other clients send the UTF-8 bytes of {@code query=café} as they are, not
     * percent-encoded; the JDK's server hands them over as ISO-8859-1 characters, which searched for
     * {@code cafÃ©} and found nothing. They are read as UTF-8, as the encoded form is.
     */
    @Test
    void a_query_in_utf_8_that_is_not_percent_encoded_finds_what_the_encoded_one_finds() throws Exception {
        send("app@sender.test", "Menu du café", "m\u00fcller@example.com");
        send("app@sender.test", "Other", "bob@example.com");

        for (String query : new String[] {"caf%C3%A9", "caf\u00e9", "M\u00fcller"}) {
            try (Socket socket = new Socket("127.0.0.1", api.port())) {
                socket.setSoTimeout((int) WAIT.toMillis());
                socket.getOutputStream().write(("GET /api/v1/messages?query=" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).as(query).startsWith("HTTP/1.1 200 ");
                JsonNode page = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
                assertThat(page.get("total").asInt()).as(query).isEqualTo(1);
                assertThat(page.get("messages").get(0).get("subject").asText()).as(query).isEqualTo("Menu du café");
            }
        }
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.getOutputStream().write("GET /api/v1/messages?limit=\u00e9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 400 ").endsWith("{\"error\":\"limit must be a whole number from 0, not '\u00e9'\"}");
        }
    }

    /** Sends one message with a socket, as its bytes. */
    private void sendRaw(String data) throws Exception {
        try (Socket socket = new Socket(receiver.host(), receiver.smtpPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("EHLO client.test\r\nMAIL FROM:<app@sender.test>\r\nRCPT TO:<alice@example.com>\r\nDATA\r\n"
                    + data + ".\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("221 ");
        }
    }

    @Test
    void api_closes_cleanly() {
        api.close();
        assertThatThrownBy(() -> get("/api/messages")).isInstanceOf(java.io.IOException.class);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(WAIT);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void send(String from, String subject, String... to) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", receiver.host());
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        props.put("mail.smtp.localhost", "client.test");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        for (String r : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
        }
        message.setSubject(subject);
        message.setText("body");
        Transport.send(message);
    }
}
