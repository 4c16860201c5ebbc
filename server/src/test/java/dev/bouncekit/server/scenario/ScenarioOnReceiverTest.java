package dev.bouncekit.server.scenario;

import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyCatalog;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented example scenario, loaded verbatim, drives a running receiver. */
class ScenarioOnReceiverTest {

    @Test
    void the_example_scenario_answers_as_documented() throws Exception {
        Scenario scenario = Scenario.load(ScenarioTest.resource("issue-example.yaml"));
        try (FakeReceiver receiver = FakeReceiver.builder().rules(scenario.rules()).build().start();
             Socket socket = new Socket(receiver.host(), receiver.smtpPort())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(in);
            assertThat(send(out, in, "EHLO client.test")).startsWith("250");
            assertThat(send(out, in, "MAIL FROM:<bulk@spammy.test>"))
                    .isEqualTo(ReplyCatalog.builtIn().require("outlook/spamhaus-client").wire());
            assertThat(send(out, in, "MAIL FROM:<app@sender.test>")).startsWith("250");
            assertThat(send(out, in, "RCPT TO:<ghost@gmail.com>"))
                    .isEqualTo(ReplyCatalog.builtIn().require("gmail/user-unknown").wire());
            assertThat(send(out, in, "RCPT TO:<a@mx.example.org>")).isEqualTo("451 4.7.1 Greylisted, try again later\r\n");
            assertThat(send(out, in, "RCPT TO:<a@mx.example.org>")).isEqualTo("451 4.7.1 Greylisted, try again later\r\n");
            assertThat(send(out, in, "RCPT TO:<a@mx.example.org>")).startsWith("250");
        }
    }

    private static String send(OutputStream out, BufferedReader in, String command) throws Exception {
        out.write((command + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return reply(in);
    }

    private static String reply(BufferedReader in) throws Exception {
        StringBuilder all = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            all.append(line).append("\r\n");
        } while (line.length() > 3 && line.charAt(3) == '-');
        return all.toString();
    }
}
