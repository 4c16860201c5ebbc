package dev.bouncekit.spring.test;

import dev.bouncekit.junit.Greylist;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.junit.RejectSender;
import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

@SpringBootTest(classes = MailTestApplication.class)
@AutoConfigureFakeReceiver(rejectRecipient = @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown"))
class AutoConfigureFakeReceiverTest {

    @Autowired
    FakeReceiver receiver;

    @Autowired
    JavaMailSender mailSender;

    @Test
    void boot_s_mail_sender_points_at_the_receiver_with_short_timeouts() {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;

        assertThat(receiver.isRunning()).isTrue();
        assertThat(sender.getHost()).isEqualTo(receiver.host());
        assertThat(sender.getPort()).isEqualTo(receiver.smtpPort());
        assertThat(sender.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "5000")
                .containsEntry("mail.smtp.timeout", "5000")
                .containsEntry("mail.smtp.writetimeout", "5000");
    }

    @Test
    void mail_sent_through_the_application_s_sender_arrives() {
        assertThat(Mail.send(mailSender, "alice@example.com", "Your order")).isNull();

        assertThat(receiver).hasReceivedMessageTo("alice@example.com", "Your order").hasReceivedMessages(1);
    }

    @Test
    void the_annotation_s_rules_refuse_with_the_provider_s_reply() {
        MailSendException failure = (MailSendException) Mail.send(mailSender, "ghost@gmail.com", "Your order");

        assertThat(failure).isNotNull();
        assertThat(receiver).hasRejectedRecipient("ghost@gmail.com", 550, "5.1.1").hasNoReceivedMessages();
    }

    @Test
    @Greylist(recipient = "carol@example.org", times = 1)
    void a_method_s_rules_come_first_and_add_to_the_class_s() {
        assertThat(receiver.rules()).hasSize(2);
        assertThat(receiver.rules().get(0).toString()).contains("carol@example.org");

        assertThat(Mail.send(mailSender, "carol@example.org", "Your order")).isNotNull();
        assertThat(Mail.send(mailSender, "carol@example.org", "Your order")).isNull();

        assertThat(receiver)
                .hasRejectedRecipient("carol@example.org", 451)
                .hasRetriedAfterTemporaryFailure()
                .hasReceivedMessageTo("carol@example.org");
    }

    @Test
    void a_method_s_rules_apply_to_its_test_only() {
        assertThat(receiver.rules()).hasSize(1);

        assertThat(Mail.send(mailSender, "carol@example.org", "Your order")).isNull();
    }

    @Test
    void magic_addresses_answer_without_a_rule() {
        Mail.send(mailSender, "outlook.mailbox-full@example.com", "Your order");

        assertThat(receiver).hasRejectedRecipient("outlook.mailbox-full@example.com").hasNoReceivedMessages();
    }

    @Nested
    @RejectSender(value = "shop@shop.test", reply = "generic/blocked-by-policy")
    class NestedClass {

        @Autowired
        FakeReceiver nestedReceiver;

        @Test
        void shares_the_outer_class_s_context_and_adds_its_own_rules_first() {
            assertThat(nestedReceiver).isSameAs(receiver);
            assertThat(receiver.rules()).hasSize(2);

            assertThat(Mail.send(mailSender, "alice@example.com", "Your order")).isNotNull();

            assertThat(receiver).hasRejectedSender("shop@shop.test", 550).hasNoReceivedMessages();
        }
    }
}
