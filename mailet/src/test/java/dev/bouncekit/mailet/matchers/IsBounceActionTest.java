package dev.bouncekit.mailet.matchers;

import org.junit.jupiter.api.Test;

import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.Bounces.SPAMHAUS_CLIENT;
import static dev.bouncekit.mailet.Bounces.TOO_MANY_RETRIES;
import static dev.bouncekit.mailet.matchers.Verdicts.classified;
import static dev.bouncekit.mailet.matchers.Verdicts.configured;
import static dev.bouncekit.mailet.matchers.Verdicts.matched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsBounceActionTest {

    @Test
    void matches_a_bounce_whose_action_is_listed() throws Exception {
        IsBounceAction matcher = configured(new IsBounceAction(), "suppress");

        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).containsExactly("bob@gmail.com");
    }

    @Test
    void does_not_match_a_bounce_with_another_action() throws Exception {
        IsBounceAction matcher = configured(new IsBounceAction(), "suppress");

        assertThat(matched(matcher, classified(SPAMHAUS_CLIENT, "bob@example.com"))).isEmpty();
        assertThat(matched(matcher, classified(TOO_MANY_RETRIES, "bob@example.com"))).isEmpty();
    }

    @Test
    void several_actions_and_constant_style_names_are_accepted() throws Exception {
        IsBounceAction matcher = configured(new IsBounceAction(), "RETRY_THEN_SUPPRESS, fix-sender");

        assertThat(matched(matcher, classified(SPAMHAUS_CLIENT, "bob@example.com"))).containsExactly("bob@example.com");
        assertThat(matched(matcher, classified(Verdicts.MAILBOX_FULL, "carol@example.com"))).containsExactly("carol@example.com");
    }

    @Test
    void an_empty_condition_fails_init() {
        assertThatThrownBy(() -> configured(new IsBounceAction(), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsBounceAction=suppress");
    }

    @Test
    void an_unknown_action_fails_init_listing_the_known_ones() {
        assertThatThrownBy(() -> configured(new IsBounceAction(), "delete"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsBounceAction")
                .hasMessageContaining("'delete'")
                .hasMessageContaining("retry-then-suppress");
    }
}
