package dev.bouncekit.example.orders;

import dev.bouncekit.junit.Greylist;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.spring.test.AutoConfigureFakeReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/** The scheduler retries on its own: other properties, so a context (and a receiver) of its own, closed after the class. */
@SpringBootTest(properties = "orders.mail.retry-delay=200ms")
@AutoConfigureFakeReceiver
@DirtiesContext
class ScheduledRetryTest {

    @Autowired
    OrderMail orderMail;

    @Autowired
    FakeReceiver receiver;

    // tag::scheduled[]
    @Test
    @Greylist(recipient = "frank@example.org", times = 2)
    void the_scheduler_retries_a_greylisted_confirmation_until_it_is_delivered() {
        MailEvent first = orderMail.confirm(new Order("C-1", "frank@example.org", "a teapot"));

        assertThat(first.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(receiver)
                .within(Duration.ofSeconds(20))   // the retries happen in the background
                .hasReceivedMessageTo("frank@example.org", "Your order C-1");
        assertThat(receiver).hasTriedRecipientExactly("frank@example.org", 3).hasRetriedAfterTemporaryFailure();
    }
    // end::scheduled[]
}
