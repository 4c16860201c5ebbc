package dev.bouncekit.example.orders;

import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.spring.test.AutoConfigureFakeReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs after {@link OrderMailTest} (classes run in name order) with the same configuration, so Spring hands it the same cached
 * context: the same receiver on the same port, reset, while the application's own beans keep their
 * state.
 */
@SpringBootTest(properties = "orders.mail.retry-delay=1h")
@AutoConfigureFakeReceiver
class SharedContextTest {

    @Autowired
    FakeReceiver receiver;

    @Autowired
    ApplicationContext context;

    @Autowired
    OrderMail orderMail;

    // tag::shared[]
    @Test
    void gets_the_cached_context_and_its_receiver_reset() {
        assumeTrue(FirstTestClass.receiver != null, "OrderMailTest runs first in a full build");

        assertThat(context).isSameAs(FirstTestClass.context);
        assertThat(receiver).isSameAs(FirstTestClass.receiver);
        assertThat(receiver.smtpPort()).isEqualTo(FirstTestClass.port);
        assertThat(receiver.receivedMessages()).isEmpty();   // OrderMailTest's mail is gone,
        assertThat(receiver.transcript()).isEmpty();         // and so are its connections
        assertThat(receiver.rules()).isEmpty();              // and the rules of its last test;
        assertThat(orderMail.record()).isNotEmpty();         // the application's beans are shared as they are
    }
    // end::shared[]

    @Test
    @RejectRecipient(value = "zoe@example.net", reply = "yahoo/user-unknown")
    void has_its_own_rules_on_the_shared_receiver() {
        assertThat(receiver.rules()).hasSize(1);

        MailEvent event = orderMail.confirm(new Order("B-1", "zoe@example.net", "a teapot"));

        assertThat(event.outcome()).isEqualTo(Outcome.BOUNCED);
        assertThat(receiver).hasRejectedRecipient("zoe@example.net", 554).hasNoReceivedMessages();
    }
}
