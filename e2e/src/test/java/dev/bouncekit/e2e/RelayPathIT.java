package dev.bouncekit.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay path itself, against a plain GreenMail as the gateway. */
class RelayPathIT {

    @TempDir
    static Path workDir;

    private static GreenMail gateway;
    private static JamesRelay james;

    @BeforeAll
    static void start() throws Exception {
        gateway = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        gateway.start();
        james = JamesRelay.start(workDir, Map.of(
                "gatewayPort", String.valueOf(gateway.getSmtp().getPort()),
                "closedPort", String.valueOf(ClosedPorts.any())));
    }

    @AfterAll
    static void stop() {
        if (james != null) {
            james.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
    }

    @Test
    void mail_for_a_remote_domain_is_relayed_to_the_gateway() throws Exception {
        Submission.send(james.smtpPort(), "sender@sender.test", List.of("friend@example.com"), "relayed");

        assertThat(gateway.waitForIncomingEmail(20_000, 1)).isTrue();
        MimeMessage received = gateway.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("relayed");
        assertThat(james.count(JamesRelay.CLASSIFIED)).isZero();
    }

    @Test
    void a_closed_gateway_port_is_a_bounce_classified_without_the_lost_connection_text() throws Exception {
        Submission.send(james.smtpPort(), "sender@sender.test", List.of("nobody@closed.test"), "closed");

        await().atMost(Duration.ofSeconds(30)).until(() -> james.count(JamesRelay.DSN) == 1);
        Mail bounce = james.mails(JamesRelay.CLASSIFIED).get(0);
        System.out.println(bounce.attributes().toList());
        assertThat(bounce.getAttribute(AttributeName.of("bouncekit.reason"))).isPresent();
    }
}
