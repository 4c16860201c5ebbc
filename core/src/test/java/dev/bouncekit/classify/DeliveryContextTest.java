package dev.bouncekit.classify;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryContextTest {

    private static final String POSTFIX = "host gmail-smtp-in.l.google.com[142.251.9.26] said: 550 5.1.1 user unknown "
            + "(in reply to RCPT TO command)";

    @Test
    void the_constructor_reads_a_blank_host_or_recipient_as_none_as_the_with_methods_do() {
        DeliveryContext made = new DeliveryContext(SmtpStage.RCPT, " \t", "", null);
        DeliveryContext built = DeliveryContext.at(SmtpStage.RCPT).withRemoteHost(" \t").withRecipient("");

        assertThat(made.remoteHost()).isNull();
        assertThat(made.recipient()).isNull();
        assertThat(made).isEqualTo(built);
    }

    @Test
    void the_constructor_drops_white_space_around_a_host_or_recipient_as_the_with_methods_do() {
        DeliveryContext made = new DeliveryContext(null, " mx.example.org ", " a@example.org\n", null);

        assertThat(made.remoteHost()).isEqualTo("mx.example.org");
        assertThat(made.recipient()).isEqualTo("a@example.org");
        assertThat(made).isEqualTo(DeliveryContext.none().withRemoteHost(" mx.example.org ").withRecipient(" a@example.org\n"));
    }

    @Test
    void a_blank_host_leaves_the_host_the_reply_names_to_tell_the_provider() {
        BounceClassifier classifier = BounceClassifier.builtIn();

        Classification withoutHost = classifier.classify(POSTFIX, DeliveryContext.none());
        Classification blankHost = classifier.classify(POSTFIX, new DeliveryContext(null, " ", null, null));

        assertThat(withoutHost.provider()).isEqualTo("gmail");
        assertThat(blankHost).isEqualTo(withoutHost);
    }
}
