package dev.bouncekit.mailet.matchers;

import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;

import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.matchers.Verdicts.classified;
import static dev.bouncekit.mailet.matchers.Verdicts.configured;
import static dev.bouncekit.mailet.matchers.Verdicts.matched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HasWeakEvidenceTest {

    @Test
    void does_not_match_a_verdict_on_a_provider_reply() throws Exception {
        HasWeakEvidence matcher = configured(new HasWeakEvidence(), null);

        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).isEmpty();
    }

    @Test
    void matches_a_reply_that_says_nothing_decidable() throws Exception {
        HasWeakEvidence matcher = configured(new HasWeakEvidence(), null);
        Mail mail = classified("550 Requested action aborted", "carol@example.com");

        assertThat(mail.getAttribute(matcher.attributes().evidence())).isPresent();
        assertThat(matched(matcher, mail)).containsExactly("carol@example.com");
    }

    @Test
    void matches_a_verdict_from_the_status_class_only() throws Exception {
        HasWeakEvidence matcher = configured(new HasWeakEvidence(), null);

        assertThat(matched(matcher, classified("554 5.7.0 Transaction failed", "dave@example.com")))
                .containsExactly("dave@example.com");
    }

    @Test
    void a_condition_with_values_fails_init() {
        assertThatThrownBy(() -> configured(new HasWeakEvidence(), "keyword"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no values");
    }
}
