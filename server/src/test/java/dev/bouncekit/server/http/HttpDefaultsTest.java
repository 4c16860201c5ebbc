package dev.bouncekit.server.http;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Safe unless told otherwise: loopback only, and CORS for loopback origins only. */
class HttpDefaultsTest {

    @Test
    void the_http_server_listens_on_loopback_by_default() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start();
             ReceiverHttpApi api = ReceiverHttpApi.start(receiver, 0)) {
            assertThat(api.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void cors_allows_loopback_origins_unless_told_otherwise() {
        assertThat(Cors.loopback().allows("http://localhost:3000")).isTrue();
        assertThat(Cors.loopback().allows("http://127.0.0.1:5173")).isTrue();
        assertThat(Cors.loopback().allows("http://[::1]:8080")).isTrue();
        assertThat(Cors.loopback().allows("https://localhost.evil.test")).isFalse();
        assertThat(Cors.loopback().allows(null)).isFalse();
        assertThat(Cors.origins(List.of("https://app.test/")).allows("https://APP.test")).isTrue();
        assertThat(Cors.origins(List.of("https://app.test")).allows("http://localhost:3000")).isFalse();
        assertThat(Cors.origins(List.of("*")).allows("https://anything.test")).isTrue();
    }

    @Test
    void cors_origins_are_http_or_https_hosts_with_an_optional_port() {
        assertThat(Cors.origins(List.of("http://localhost:3000", "https://[::1]:8443", "HTTPS://App.test/"))
                .allows("https://app.test")).isTrue();
        for (String notAnOrigin : List.of("ftp://x", "localhost:3000", "app.test", "https://app.test/path",
                "https://user@app.test", "http://app.test:99999", "https://app.test?x=1", "")) {
            assertThatThrownBy(() -> Cors.origins(List.of("http://ok.test", notAnOrigin))).as(notAnOrigin)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'" + notAnOrigin + "' is not an origin; give http:// or https://,"
                            + " a host and an optional port (http://localhost:3000), or * for any");
        }
    }

    @Test
    void the_page_and_its_files_come_from_the_jar() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start();
             ReceiverHttpApi api = ReceiverHttpApi.start(receiver, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
            assertThat(page.body()).contains("<script src=\"/ui/app.js\"");
            HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/ui/..%2F..%2Fopenapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }
}
