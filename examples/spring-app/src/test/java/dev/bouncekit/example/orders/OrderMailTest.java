package dev.bouncekit.example.orders;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.junit.Greylist;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.junit.RejectSender;
import dev.bouncekit.junit.params.CatalogSource;
import dev.bouncekit.junit.params.Failure;
import dev.bouncekit.junit.params.Hard;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.spring.test.AutoConfigureFakeReceiver;
import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.ArrayList;
import java.util.List;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

// tag::class[]
@SpringBootTest(properties = "orders.mail.retry-delay=1h")   // the tests retry by hand
@AutoConfigureFakeReceiver
class OrderMailTest {

    @Autowired
    OrderMail orderMail;

    @Autowired
    FakeReceiver receiver;

    // end::class[]
    @Autowired
    JavaMailSender mailSender;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void remember_the_receiver_for_the_next_test_class() {
        FirstTestClass.receiver = receiver;
        FirstTestClass.port = receiver.smtpPort();
        FirstTestClass.context = context;
    }

    @AfterEach
    void leaves_no_retry_behind() {
        assertThat(orderMail.deferred()).as("orders still deferred after the test").isEmpty();
    }

    @Test
    void boot_s_mail_sender_talks_to_the_receiver() {
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;

        assertThat(sender.getHost()).isEqualTo(receiver.host());
        assertThat(sender.getPort()).isEqualTo(receiver.smtpPort());
    }

    @Test
    void an_order_confirmation_arrives() {
        MailEvent sent = orderMail.confirm(new Order("A-1", "alice@example.com", "a teapot"));

        assertThat(sent.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(receiver)
                .hasReceivedMessageTo("alice@example.com", "Your order A-1")
                .hasReceivedMessageWithBodyContaining("a teapot");
    }

    // tag::user-unknown[]
    @Test
    @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
    void gmail_s_user_unknown_suppresses_the_address_and_is_never_retried() {
        MailEvent first = orderMail.confirm(new Order("A-2", "ghost@gmail.com", "a teapot"));
        MailEvent second = orderMail.confirm(new Order("A-3", "ghost@gmail.com", "a kettle"));
        orderMail.retryDeferred();

        assertThat(first.outcome()).isEqualTo(Outcome.BOUNCED);
        assertThat(first.verdict()).hasReason(Reason.USERUNKNOWN).isHard().hasProvider("gmail");
        assertThat(second.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(receiver)
                .hasRejectedRecipient("ghost@gmail.com", 550, "5.1.1")
                .hasTriedRecipientExactly("ghost@gmail.com", 1)
                .hasNoRetryAfterPermanentFailure()
                .hasNoReceivedMessages();
    }
    // end::user-unknown[]

    // tag::greylist[]
    @Test
    @Greylist(recipient = "carol@example.org", times = 2)
    void a_greylisted_confirmation_is_retried_until_delivered() {
        orderMail.confirm(new Order("A-4", "carol@example.org", "a teapot"));
        orderMail.retryDeferred();
        orderMail.retryDeferred();

        assertThat(orderMail.record("A-4")).extracting(MailEvent::attempt, MailEvent::outcome).containsExactly(
                tuple(1, Outcome.DEFERRED), tuple(2, Outcome.DEFERRED), tuple(3, Outcome.DELIVERED));
        assertThat(receiver)
                .hasRejectedRecipient("carol@example.org", 451, "4.7.1")
                .hasRetriedAfterTemporaryFailure()
                .hasReceivedMessageTo("carol@example.org", "Your order A-4");
    }
    // end::greylist[]

    @Test
    @Greylist(recipient = "dave@example.org", times = 5)
    void a_confirmation_refused_temporarily_too_often_is_given_up_not_suppressed() {
        orderMail.confirm(new Order("A-5", "dave@example.org", "a teapot"));
        orderMail.retryDeferred();
        orderMail.retryDeferred();

        assertThat(orderMail.record("A-5")).extracting(MailEvent::outcome)
                .containsExactly(Outcome.DEFERRED, Outcome.DEFERRED, Outcome.GAVE_UP);
        assertThat(orderMail.deferred()).isEmpty();
        assertThat(receiver).hasTriedRecipientExactly("dave@example.org", 3).hasNoReceivedMessages();
        assertThat(orderMail.confirm(new Order("A-6", "dave@example.org", "a kettle")).outcome())
                .isEqualTo(Outcome.DEFERRED);
        orderMail.retryDeferred();
        orderMail.retryDeferred();
    }

    @Test
    @RejectSender(value = "orders@shop.test", reply = "outlook/spamhaus-mailfrom")
    void a_blocked_sender_is_reported_and_suppresses_nobody() {
        MailEvent event = orderMail.confirm(new Order("A-7", "erin@outlook.com", "a teapot"));

        assertThat(event.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(event.verdict()).hasOwner(Owner.SENDER).hasAction(Action.FIX_SENDER);
        assertThat(receiver).hasRejectedSender("orders@shop.test", 550).hasNoReceivedMessages();
        assertThat(orderMail.confirm(new Order("A-8", "erin@outlook.com", "a kettle")).outcome()).isEqualTo(Outcome.FAILED);
    }

    // tag::release-gate[]
    @Test
    @RejectRecipient(value = "old@gone.example", reply = "generic/user-unknown")
    @Greylist(recipient = "new@slow.example")
    void a_sale_s_confirmations_pass_the_release_gate() {
        List<String> customers = new ArrayList<>(List.of("old@gone.example", "new@slow.example"));
        for (int i = 1; i <= 58; i++) {
            customers.add("customer" + i + "@example.com");
        }

        for (int i = 0; i < customers.size(); i++) {
            orderMail.confirm(new Order("S-" + i, customers.get(i), "a sale item"));
        }
        orderMail.retryDeferred();

        assertThat(receiver)
                .hasReceivedMessages(59)
                .passesReleaseGate();   // no retry after a 5xx, a retry after each 4xx, bounce rate below 2%
    }
    // end::release-gate[]

    // tag::matrix[]
    @ParameterizedTest(name = "{0}")
    @CatalogSource(hard = Hard.TRUE, stage = SmtpStage.RCPT)
    void every_provider_s_hard_bounce_suppresses_the_address(CatalogEntry entry, String magicAddress) {
        MailEvent first = orderMail.confirm(new Order("H-" + entry.id(), magicAddress, "a teapot"));
        MailEvent second = orderMail.confirm(new Order("H2-" + entry.id(), magicAddress, "a teapot"));

        assertThat(first.outcome()).isEqualTo(Outcome.BOUNCED);
        assertThat(first.verdict()).matchesCatalogEntry(entry);
        assertThat(second.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(receiver).hasTriedRecipientExactly(magicAddress, 1).hasNoRetryAfterPermanentFailure();
    }

    @ParameterizedTest(name = "{0}")
    @CatalogSource(failure = Failure.TEMPORARY, stage = SmtpStage.RCPT)
    void every_provider_s_temporary_refusal_is_retried_and_never_suppresses(CatalogEntry entry, String magicAddress) {
        orderMail.confirm(new Order("T-" + entry.id(), magicAddress, "a teapot"));
        orderMail.retryDeferred();
        orderMail.retryDeferred();

        assertThat(orderMail.record("T-" + entry.id())).extracting(MailEvent::outcome)
                .containsExactly(Outcome.DEFERRED, Outcome.DEFERRED, Outcome.GAVE_UP);
        assertThat(orderMail.confirm(new Order("T2-" + entry.id(), magicAddress, "a teapot")).outcome())
                .isEqualTo(Outcome.DEFERRED);
        orderMail.retryDeferred();
        orderMail.retryDeferred();
        assertThat(receiver).hasRetriedAfterTemporaryFailure().hasTriedRecipientExactly(magicAddress, 6);
    }
    // end::matrix[]
}
