package dev.bouncekit.mailet.matchers;

import org.junit.jupiter.api.Test;

import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.Bounces.SPAMHAUS_CLIENT;
import static dev.bouncekit.mailet.matchers.Verdicts.classified;
import static dev.bouncekit.mailet.matchers.Verdicts.configured;
import static dev.bouncekit.mailet.matchers.Verdicts.matched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsBounceOwnerTest {

    @Test
    void matches_a_bounce_the_sender_must_fix() throws Exception {
        IsBounceOwner matcher = configured(new IsBounceOwner(), "sender");

        assertThat(matched(matcher, classified(SPAMHAUS_CLIENT, "bob@example.com"))).containsExactly("bob@example.com");
    }

    @Test
    void does_not_match_a_bounce_owned_by_someone_else() throws Exception {
        IsBounceOwner matcher = configured(new IsBounceOwner(), "sender");

        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).isEmpty();
    }

    @Test
    void several_owners_can_be_listed() throws Exception {
        IsBounceOwner matcher = configured(new IsBounceOwner(), "message,recipient");

        assertThat(matched(matcher, classified(Verdicts.CONTENT_REJECTED, "bob@example.com"))).containsExactly("bob@example.com");
        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).containsExactly("bob@gmail.com");
    }

    @Test
    void an_unknown_owner_fails_init_listing_the_known_ones() {
        assertThatThrownBy(() -> configured(new IsBounceOwner(), "postmaster"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsBounceOwner")
                .hasMessageContaining("'postmaster'")
                .hasMessageContaining("transient");
    }

    @Test
    void an_empty_condition_fails_init() {
        assertThatThrownBy(() -> configured(new IsBounceOwner(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsBounceOwner=sender");
    }
}
