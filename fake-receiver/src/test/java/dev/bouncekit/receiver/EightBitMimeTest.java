package dev.bouncekit.receiver;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6531: a server that offers SMTPUTF8 offers 8BITMIME too (Postfix logs "offers SMTPUTF8
 * support, but not 8BITMIME" otherwise), and 8-bit bodies are stored byte for byte.
 */
@ExtendWith(NoUncaughtExceptions.class)
class EightBitMimeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TEXT = "Grüße aus Köln, 東京 and Zürich.";

    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder().build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void ehlo_offers_8bitmime_alongside_smtputf8() throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            List<String> ehlo = client.command("EHLO client.test").lines().toList();

            assertThat(ehlo).contains("250-8BITMIME");
            assertThat(ehlo).anyMatch(line -> line.substring(4).equals("SMTPUTF8"));
            assertThat(client.command("MAIL FROM:<app@sender.test> BODY=8BITMIME")).startsWith("250");
        }
    }

    @Test
    void angus_mail_sends_an_8bit_body_and_it_is_stored_as_sent() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", receiver.host());
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        props.put("mail.smtp.allow8bitmime", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("app@sender.test"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.com"));
        message.setSubject("8 bits");
        message.setText(TEXT, "UTF-8");

        Transport.send(message);

        ReceivedMessage stored = receiver.awaitMessages(1, WAIT).get(0);
        String raw = new String(stored.raw(), StandardCharsets.UTF_8);
        assertThat(raw).containsIgnoringCase("Content-Transfer-Encoding: 8bit").contains(TEXT);
    }

    @Test
    void angus_mail_sends_utf8_addresses_with_smtputf8() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", receiver.host());
        props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
        props.put("mail.mime.allowutf8", "true");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("jürgen@absender.test"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress("zoë@例え.test"));
        message.setSubject("Grüße");
        message.setText(TEXT, "UTF-8");

        Transport.send(message);

        ReceivedMessage stored = receiver.awaitMessages(1, WAIT).get(0);
        assertThat(stored.from()).isEqualTo("jürgen@absender.test");
        assertThat(stored.to()).containsExactly("zoë@例え.test");
        assertThat(stored.subject()).isEqualTo("Grüße");
        assertThat(receiver.awaitConnections(1, WAIT).get(0).exchanges()).extracting(Exchange::command)
                .contains("MAIL FROM:<jürgen@absender.test> SMTPUTF8");
    }
}
