package dev.bouncekit.receiver;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subject of a stored message is read from its header block without parsing the message; it
 * must be what a MIME parser makes of the same octets (Jakarta Mail, UTF-8 headers allowed, as
 * GreenMail parses them), for every shape a Subject header takes.
 */
@ExtendWith(NoUncaughtExceptions.class)
class ReceivedSubjectTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeReceiver receiver;

    @BeforeEach
    void start() {
        receiver = FakeReceiver.builder().build().start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Subject: Order 42 shipped\r\nFrom: a@b.test\r\n\r\nbody\r\n",
            "From: a@b.test\r\nsubject:no space\r\n\r\nbody\r\n",
            "SUBJECT:   lots of space   \r\n\r\nbody\r\n",
            "Subject: a folded\r\n  subject line\r\n\tover three\r\nTo: x@y.test\r\n\r\nbody\r\n",
            "Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=\r\n\r\nbody\r\n",
            "Subject: =?ISO-8859-1?Q?Caf=E9?= and =?UTF-8?Q?na=C3=AFve?=\r\n\r\n",
            "Subject: Grüße aus Köln, 東京\r\n\r\nbody\r\n",
            "Subject: first\r\nSubject: second\r\n\r\n",
            "Subject:\r\n\r\nempty\r\n",
            "From: a@b.test\r\n\r\nSubject: in the body only\r\n",
            "X-Subject: not it\r\nSubjects: nor this\r\n\r\n",
            "Subject: bare line feeds\nFrom: a@b.test\n\nbody\r\n",
            "Subject: no body at all\r\n",
            "plain text without any header line\r\n"})
    void the_stored_subject_is_what_a_mime_parser_reads(String data) throws Exception {
        try (RawSmtpClient client = new RawSmtpClient(receiver)) {
            client.reply();
            client.command("EHLO client.test");
            client.command("MAIL FROM:<app@sender.test>");
            client.command("RCPT TO:<someone@example.com>");
            assertThat(client.command("DATA")).startsWith("354");
            client.write(data.getBytes(StandardCharsets.UTF_8));
            assertThat(client.command(".")).startsWith("250");
        }
        ReceivedMessage stored = receiver.awaitMessages(1, WAIT).get(0);

        Properties props = new Properties();
        props.setProperty("mail.mime.allowutf8", "true");
        String parsed = new MimeMessage(Session.getInstance(props), new ByteArrayInputStream(stored.raw())).getSubject();
        assertThat(stored.subject()).isEqualTo(parsed == null ? "" : parsed);
        assertThat(stored.rawText()).endsWith(data.endsWith("\r\n") ? data.substring(0, data.length() - 2) : data);
    }
}
