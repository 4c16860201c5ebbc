package dev.bouncekit.suppression.mailet;

import org.apache.james.core.MailAddress;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spark.Service;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebAdmin route on James's JSON transformer, served by Spark as WebAdmin serves it, over HTTP. */
class SuppressionRoutesTest {

    @TempDir
    Path james;

    private JamesParts parts;
    private Service http;
    private String base;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        http = Service.ignite().ipAddress("127.0.0.1").port(port);
        parts = new JamesParts(james);
        new SuppressionRoutes(parts.fileSystem, new JsonTransformer()).define(http);
        http.awaitInitialization();
        base = "http://127.0.0.1:" + port + SuppressionRoutes.BASE_PATH;
    }

    @AfterEach
    void stop() {
        http.stop();
        http.awaitStop();
        SharedStores.release(StoreLocation.resolve(null, parts.fileSystem), null);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_address_added_then_removed_is_held_back_then_sent_at_the_next_mail_by_a_matcher_naming_the_journal_otherwise()
            throws Exception {
        // James's working directory reached through a symbolic link (/opt/james -> /opt/james-3.8.1): the route
        // names the journal the default way, the matcher through the link; its clock stands still, so that a
        // cached answer would be kept for all of its 10 seconds
        Path link = Files.createSymbolicLink(james.resolve("link"), james);
        IsSuppressed matcher = parts.isSuppressed("store=" + link.resolve("var/bouncekit/suppressions.journal"), () -> 0L);
        try {
            Mail mail = FakeMail.builder().name("outgoing").sender("news@sender.test").recipients("ghost@gmail.com").build();
            assertThat(matcher.match(mail)).as("cached: not suppressed").isEmpty();

            assertThat(send("PUT", "/Ghost%40Gmail.com?reason=userunknown").statusCode()).isEqualTo(204);
            assertThat(matcher.match(mail)).as("after PUT").containsExactly(new MailAddress("ghost@gmail.com"));

            assertThat(send("DELETE", "/ghost%40gmail.com").statusCode()).isEqualTo(204);
            assertThat(matcher.match(mail)).as("after DELETE").isEmpty();
        } finally {
            matcher.destroy();
        }
    }

    @Test
    void an_expiry_too_long_to_compute_is_a_400_naming_the_field_and_the_bound() throws Exception {
        HttpResponse<String> put = send("PUT", "/bob@example.org?expires=999999999999d");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.body()).contains("\"statusCode\":400", "\"type\":\"InvalidArgument\"",
                "expires: '999999999999d' is longer than 36525d (100 years), the longest accepted");
        assertThat(send("GET", "/bob@example.org").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/bob@example.org?expires=30d").statusCode()).isEqualTo(204);
    }
    @Test
    void an_address_with_two_at_signs_is_a_400_and_nothing_is_written() throws Exception {
        HttpResponse<String> put = send("PUT", "/a%40%40b.test");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.body()).contains("\"type\":\"InvalidArgument\"",
                "not an address: 'a@@b.test' (more than one @ outside quotes; expected local@domain)");
        assertThat(send("GET", "?all=true").body()).isEqualTo("[]");
    }

    /** An unknown reason was answered with every reason of the taxonomy, sender's included, which are refused next. */
    @Test
    void an_unknown_reason_is_a_400_naming_the_recipient_s_reasons_only() throws Exception {
        HttpResponse<String> unknown = send("PUT", "/bob@example.org?reason=nosuch");
        HttpResponse<String> sender = send("PUT", "/bob@example.org?reason=blocked");

        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown reason 'nosuch'; use one of userunknown, ").doesNotContain("ratelimited");
        assertThat(sender.statusCode()).as(sender.body()).isEqualTo(400);
        assertThat(sender.body()).contains("reason 'blocked' is owned by the sender, not the recipient; use one of userunknown, ");
        assertThat(send("GET", "/bob@example.org").statusCode()).as("nothing written").isEqualTo(404);
    }

    @Test
    void a_query_parameter_the_route_does_not_read_is_a_400_naming_it_and_those_it_reads() throws Exception {
        // a mistyped 'expires' would otherwise suppress the address for good
        HttpResponse<String> put = send("PUT", "/bob@example.org?reason=userunknown&expire=30d");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.body()).contains("\"statusCode\":400", "\"type\":\"InvalidArgument\"",
                "unknown parameter 'expire'; this request reads reason, expires");
        assertThat(send("GET", "/bob@example.org").statusCode()).as("nothing written").isEqualTo(404);

        HttpResponse<String> list = send("GET", "?limits=5");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(400);
        assertThat(list.body()).contains("unknown parameter 'limits'; this request reads contains, limit, all");
        assertThat(send("DELETE", "/bob@example.org?reason=x").body()).contains("unknown parameter 'reason'; this request reads none");
    }

    @Test
    void a_request_body_is_a_400_saying_the_route_reads_query_parameters() throws Exception {
        // a JSON body was read by nothing: the address was suppressed with the default reason
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bob@example.org")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"reason\":\"userunknown\",\"expires\":\"30d\"}")).build();
        HttpResponse<String> put = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.body()).contains("\"type\":\"InvalidArgument\"",
                "this request reads no body; give reason and expires as query parameters: ?reason=userunknown&expires=30d");
        assertThat(send("GET", "/bob@example.org").statusCode()).as("nothing written").isEqualTo(404);
    }

    @Test
    void all_other_than_true_or_false_is_a_400_naming_it() throws Exception {
        // 'all=yes' or 'all=1' listed the suppressed entries only, as if it were false
        HttpResponse<String> list = send("GET", "?all=yes");

        assertThat(list.statusCode()).as(list.body()).isEqualTo(400);
        assertThat(list.body()).contains("all must be true or false, not 'yes'");
        assertThat(send("GET", "?all=TRUE").statusCode()).isEqualTo(200);
    }

    @Test
    void expires_never_keeps_the_address_for_good_as_the_mailets_expiry_does() throws Exception {
        HttpResponse<String> put = send("PUT", "/bob@example.org?expires=never");

        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        assertThat(send("GET", "/bob@example.org").body()).contains("\"suppressed\":true", "\"expiresAt\":null");
    }
}
