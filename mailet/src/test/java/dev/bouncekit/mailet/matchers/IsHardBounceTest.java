package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.Bounces;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;

import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.Bounces.TOO_MANY_RETRIES;
import static dev.bouncekit.mailet.matchers.Verdicts.classified;
import static dev.bouncekit.mailet.matchers.Verdicts.configured;
import static dev.bouncekit.mailet.matchers.Verdicts.matched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsHardBounceTest {

    @Test
    void matches_a_user_unknown_bounce() throws Exception {
        IsHardBounce matcher = configured(new IsHardBounce(), null);

        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).containsExactly("bob@gmail.com");
    }

    @Test
    void does_not_match_soft_bounces() throws Exception {
        IsHardBounce matcher = configured(new IsHardBounce(), null);

        assertThat(matched(matcher, classified(Verdicts.MAILBOX_FULL, "carol@example.com"))).isEmpty();
        assertThat(matched(matcher, classified(TOO_MANY_RETRIES, "carol@example.com"))).isEmpty();
    }

    @Test
    void matches_only_the_recipient_a_hard_reply_names() throws Exception {
        IsHardBounce matcher = configured(new IsHardBounce(), null);
        Mail mail = classified("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown",
                "alice@example.com", "bob@example.com");

        assertThat(matched(matcher, mail)).containsExactly("bob@example.com");
    }

    @Test
    void does_not_match_a_recipient_that_carries_another_recipients_hard_reply() throws Exception {
        IsHardBounce matcher = configured(new IsHardBounce(), null);
        Mail mail = classified("550 5.1.1 <ghost@example.com>: Recipient address rejected: User unknown", "full@example.com");

        assertThat(matched(matcher, mail)).isEmpty();
    }

    @Test
    void a_hard_attribute_of_an_odd_type_matches_nothing() throws Exception {
        IsHardBounce matcher = configured(new IsHardBounce(), null);
        Mail mail = classified(GMAIL_USER_UNKNOWN, "bob@gmail.com");
        mail.setAttribute(Bounces.attribute(AttributeName.of("bouncekit.hard"), AttributeValue.of("true")));

        assertThat(matched(matcher, mail)).isEmpty();
    }

    @Test
    void the_condition_may_give_the_prefix() throws Exception {
        IsHardBounce matcher = configured(new IsHardBounce(), "prefix=acme.");

        assertThat(matched(matcher, Verdicts.classifiedUnder("acme.", GMAIL_USER_UNKNOWN, "bob@gmail.com"))).containsExactly("bob@gmail.com");
        assertThat(matcher.attributes().hard().asString()).isEqualTo("acme.hard");
    }

    @Test
    void a_condition_with_values_fails_init() {
        assertThatThrownBy(() -> configured(new IsHardBounce(), "true"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsHardBounce")
                .hasMessageContaining("takes no values");
    }
}
