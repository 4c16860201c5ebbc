package dev.bouncekit.receiver;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP AUTH: the receiver offers it, and like the fakes people run beside an application (MailHog,
 * smtp4dev) takes any user name and password, so an application configured with a provider's
 * credentials sends to it unchanged; the secrets stay out of the transcript.
 */
class SmtpAuthTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_application_that_logs_in_with_any_credentials_sends_its_mail() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            Properties props = new Properties();
            props.put("mail.smtp.host", receiver.host());
            props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.connectiontimeout", "5000");
            props.put("mail.smtp.timeout", "10000");
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("app@shop.test"));
            message.addRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.com"));
            message.setSubject("With credentials");
            message.setText("Hello");

            Transport.send(message, "apikey", "SG.not-a-real-key");

            assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::subject)
                    .containsExactly("With credentials");
            assertThat(receiver.awaitConnections(1, WAIT).get(0).exchanges()).extracting(Exchange::command)
                    .noneMatch(command -> command != null && command.contains(base64("apikey")));
        }
    }

    @Test
    void plain_and_login_take_any_user_name_and_password() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                assertThat(client.command("AUTH PLAIN " + base64("\0someone@shop.test\0whatever")))
                        .startsWith("235 2.7.0");
            }
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                assertThat(client.command("AUTH LOGIN")).startsWith("334 ");
                assertThat(client.command(base64("apikey"))).startsWith("334 ");
                assertThat(client.command(base64("secret"))).startsWith("235 2.7.0");
                client.command("MAIL FROM:<app@shop.test>");
                client.command("RCPT TO:<bob@example.com>");
                client.command("DATA");
                assertThat(client.command("Subject: after login\r\n\r\nx\r\n.")).startsWith("250");
            }
            assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::subject).containsExactly("after login");
        }
    }

    @Test
    void login_with_the_user_name_as_initial_response_asks_only_for_the_password() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                assertThat(client.command("AUTH LOGIN " + base64("apikey"))).isEqualTo("334 UGFzc3dvcmQ6\r\n");
                assertThat(client.command(base64("secret"))).startsWith("235 2.7.0");
                assertThat(client.command("AUTH LOGIN " + base64("apikey"))).startsWith("503 ");
                client.command("MAIL FROM:<app@shop.test>");
                client.command("RCPT TO:<bob@example.com>");
                client.command("DATA");
                assertThat(client.command("Subject: initial response\r\n\r\nx\r\n.")).startsWith("250");
            }
            assertThat(receiver.awaitMessages(1, WAIT)).extracting(ReceivedMessage::subject)
                    .containsExactly("initial response");
            assertThat(receiver.awaitConnections(1, WAIT).get(0).exchanges()).extracting(Exchange::command)
                    .contains("AUTH LOGIN ***", "***")
                    .noneMatch(command -> command != null
                            && (command.contains(base64("apikey")) || command.contains(base64("secret"))));
        }
    }

    @Test
    void login_with_an_initial_response_checks_greenmail_users_when_told_to() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().anyCredentials(false).build().start()) {
            receiver.greenMail().setUser("known@shop.test", "known", "right");
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                client.command("AUTH LOGIN " + base64("known"));
                assertThat(client.command(base64("wrong"))).startsWith("535 ");
                client.command("AUTH LOGIN " + base64("known"));
                assertThat(client.command(base64("right"))).startsWith("235 ");
            }
        }
    }

    @Test
    void without_any_credentials_only_greenmail_users_log_in() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().anyCredentials(false).build().start()) {
            receiver.greenMail().setUser("known@shop.test", "known", "right");
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                assertThat(client.command("AUTH PLAIN " + base64("\0known\0wrong"))).startsWith("535 ");
                assertThat(client.command("AUTH PLAIN " + base64("\0known\0right"))).startsWith("235 ");
            }
        }
    }

    @Test
    void every_answer_to_auth_is_a_well_formed_reply_with_one_space_and_an_enhanced_code() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().anyCredentials(false).build().start()) {
            receiver.greenMail().setUser("known@shop.test", "known", "right");
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                assertThat(client.command("AUTH")).isEqualTo("501 5.5.4 Syntax: AUTH mechanism\r\n");
                assertThat(client.command("AUTH CRAM-MD5")).isEqualTo("504 5.5.4 Unrecognized authentication type\r\n");
                assertThat(client.command("AUTH LOGIN " + base64("known") + " " + base64("right") + " x"))
                        .isEqualTo("501 5.5.4 Syntax error in parameters or arguments\r\n");
                assertThat(client.command("AUTH XOAUTH2")).isEqualTo("501 5.5.4 Syntax error in parameters or arguments\r\n");
                assertThat(client.command("AUTH PLAIN " + base64("\0known\0wrong")))
                        .isEqualTo("535 5.7.8 Authentication credentials invalid\r\n");
                assertThat(client.command("AUTH PLAIN " + base64("\0known\0right")))
                        .isEqualTo("235 2.7.0 Authentication Succeeded\r\n");
                assertThat(client.command("AUTH PLAIN " + base64("\0known\0right")))
                        .isEqualTo("503 5.5.1 Error: already authenticated\r\n");
            }
            assertThat(receiver.awaitConnections(1, WAIT).get(0).exchanges()).flatExtracting(Exchange::reply)
                    .as("no reply repeats the command line and its credentials")
                    .noneMatch(line -> line.contains(base64("right")));
        }
    }

    @Test
    void angus_mail_sees_the_success_reply_with_one_space() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            Properties props = new Properties();
            props.put("mail.smtp.host", receiver.host());
            props.put("mail.smtp.port", String.valueOf(receiver.smtpPort()));
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.auth.mechanisms", "PLAIN");
            props.put("mail.smtp.connectiontimeout", "5000");
            props.put("mail.smtp.timeout", "10000");
            Session session = Session.getInstance(props);
            try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
                transport.connect("apikey", "SG.not-a-real-key");
                assertThat(((org.eclipse.angus.mail.smtp.SMTPTransport) transport).getLastServerResponse())
                        .isEqualTo("235 2.7.0 Authentication Succeeded\n");
            }
        }
    }

    @Test
    void a_client_that_cancels_auth_login_with_a_star_gets_501_and_is_not_logged_in() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                assertThat(client.command("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6\r\n");
                assertThat(client.command("*")).isEqualTo("501 5.7.0 Authentication cancelled\r\n");
                assertThat(client.command("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6\r\n");
                assertThat(client.command(base64("apikey"))).isEqualTo("334 UGFzc3dvcmQ6\r\n");
                assertThat(client.command("*")).isEqualTo("501 5.7.0 Authentication cancelled\r\n");
                assertThat(client.command("AUTH LOGIN " + base64("apikey"))).isEqualTo("334 UGFzc3dvcmQ6\r\n");
                assertThat(client.command("*")).isEqualTo("501 5.7.0 Authentication cancelled\r\n");
                assertThat(client.command("NOOP")).startsWith("250 ");
                assertThat(client.command("AUTH LOGIN")).startsWith("334 ");
                client.command(base64("apikey"));
                assertThat(client.command(base64("secret"))).isEqualTo("235 2.7.0 Authentication Succeeded\r\n");
            }
        }
    }

    /** {@code AUTH PLAIN} answered with an empty {@code 334} can be cancelled with {@code *}, as AUTH LOGIN can (RFC 4954, 4). */
    @Test
    void a_client_that_cancels_auth_plain_with_a_star_gets_501_and_is_not_logged_in() throws Exception {
        try (FakeReceiver receiver = FakeReceiver.builder().build().start()) {
            try (RawSmtpClient client = new RawSmtpClient(receiver)) {
                client.reply();
                client.command("EHLO client.test");
                assertThat(client.command("AUTH PLAIN")).isEqualTo("334 \r\n");
                assertThat(client.command("*")).isEqualTo("501 5.7.0 Authentication cancelled\r\n");
                assertThat(client.command("NOOP")).startsWith("250 ");
                assertThat(client.command("AUTH PLAIN")).isEqualTo("334 \r\n");
                assertThat(client.command(base64("\0apikey\0secret"))).isEqualTo("235 2.7.0 Authentication Succeeded\r\n");
            }
            TranscriptConnection connection = receiver.awaitConnections(1, Duration.ofSeconds(10)).get(0);
            assertThat(connection.exchanges()).extracting(Exchange::command).doesNotContain(base64("\0apikey\0secret"));
        }
    }
}
