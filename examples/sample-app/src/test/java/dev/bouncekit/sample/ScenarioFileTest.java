package dev.bouncekit.sample;

import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.junit.Scenario;
import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;

/** The rules of a scenario file (src/test/resources/bounces.yaml), and how often each address was tried. */
@ExtendWith(FakeReceiverExtension.class)
class ScenarioFileTest {

    // tag::scenario[]
    @Test
    @Scenario("classpath:bounces.yaml")
    void retries_a_greylisted_address_and_never_an_unknown_one(FakeReceiver receiver) {
        Mailer mailer = new Mailer(SmtpSettings.of(receiver.host(), receiver.smtpPort()), new SuppressionList(),
                RetryPolicy.immediate(5));

        mailer.send(new Email("app@shop.test", List.of("carol@slow.example", "ghost@gmail.com"), "Welcome", "Hi!"));

        assertThat(receiver)
                .hasTriedRecipientExactly("carol@slow.example", 3)   // greylisted twice, then accepted
                .hasTriedRecipientAtMost("ghost@gmail.com", 1)       // a 5xx is not retried
                .hasReceivedMessageTo("carol@slow.example");
    }
    // end::scenario[]
}
