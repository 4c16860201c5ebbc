package dev.bouncekit.spring.test;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** The receiver's address wins over the application's; the application's timeouts win over the defaults. */
@SpringBootTest(classes = MailTestApplication.class, properties = {
        "spring.mail.host=smtp.invalid",
        "spring.mail.port=2",
        "spring.mail.properties.mail.smtp.timeout=7000"})
@AutoConfigureFakeReceiver
class PropertiesTest {

    @Autowired
    FakeReceiver receiver;

    @Autowired
    JavaMailSender mailSender;

    @Test
    void the_receiver_s_address_wins_and_the_application_s_timeouts_are_kept() {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;

        assertThat(sender.getHost()).isEqualTo("127.0.0.1");
        assertThat(sender.getPort()).isEqualTo(receiver.smtpPort());
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.timeout", "7000")
                .containsEntry("mail.smtp.connectiontimeout", "5000");
    }
}
