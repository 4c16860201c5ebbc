package dev.bouncekit.spring.test;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application configured for a provider's submission port (STARTTLS required, or implicit TLS with
 * {@code smtps}) still sends to the receiver, which speaks plain SMTP: the test gets the mail, not
 * "STARTTLS is required but host does not support STARTTLS".
 */
@SpringBootTest(classes = MailTestApplication.class, properties = {
        "spring.mail.protocol=smtps",
        "spring.mail.properties.mail.smtp.starttls.enable=true",
        "spring.mail.properties.mail.smtp.starttls.required=true",
        "spring.mail.properties.mail.smtp.ssl.enable=true",
        "spring.mail.properties.mail.smtp.auth=true",
        "spring.mail.username=apikey",
        "spring.mail.password=secret"})
@AutoConfigureFakeReceiver
class ProductionTlsSettingsTest {

    @Autowired
    FakeReceiver receiver;

    @Autowired
    JavaMailSender mailSender;

    @Test
    void mail_of_an_application_that_requires_tls_arrives_over_plain_smtp() {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        assertThat(sender.getProtocol()).isEqualTo("smtp");
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.starttls.required", "false")
                .containsEntry("mail.smtp.ssl.enable", "false")
                .containsEntry("mail.smtp.auth", "true");

        assertThat(Mail.send(mailSender, "alice@example.com", "Your order")).isNull();

        assertThat(receiver.awaitMessages(1, Duration.ofSeconds(10)).get(0).to()).containsExactly("alice@example.com");
    }
}
