package dev.bouncekit.server.clients;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.receiver.Retention;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.server.http.ReceiverHttpApi;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Python client written with the standard library only (smtplib, urllib), against a real
 * receiver and its real HTTP API: paging, search, the parsed message, refusals naming the catalog
 * entry and the real recipient, the gate failing a retry after a 5xx, health, CORS, 405 with Allow,
 * the OpenAPI document's GET paths, delete and reset.
 */
class PythonClientTest {

    @Test
    void a_python_client_sees_the_whole_api() throws Exception {
        Path script = Files.createTempFile("bouncekit-client", ".py");
        try (var in = PythonClientTest.class.getResourceAsStream("/clients/python_client.py")) {
            Files.write(script, in.readAllBytes());
        }
        try (FakeReceiver receiver = FakeReceiver.builder().retention(Retention.SERVE_DEFAULTS).realAddresses(true)
                .rule(ReplyRule.when(Condition.recipient("real.person@shop.test")).at(SmtpStage.RCPT)
                        .reply("yahoo/user-unknown"))
                .build().start();
             ReceiverHttpApi api = ReceiverHttpApi.start(receiver, 0)) {
            Process python = new ProcessBuilder("python3", script.toString(), String.valueOf(receiver.smtpPort()),
                    "http://127.0.0.1:" + api.port()).redirectErrorStream(true).start();
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(output).as(output).contains("all checks passed");
            assertThat(python.exitValue()).isZero();
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
