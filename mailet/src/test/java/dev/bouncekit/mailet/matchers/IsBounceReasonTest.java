package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.Bounces;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.Test;

import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.Bounces.SPAMHAUS_CLIENT;
import static dev.bouncekit.mailet.matchers.Verdicts.classified;
import static dev.bouncekit.mailet.matchers.Verdicts.configured;
import static dev.bouncekit.mailet.matchers.Verdicts.matched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsBounceReasonTest {

    @Test
    void matches_the_recipients_of_a_bounce_with_a_listed_reason() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "userunknown,hostunknown");

        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).containsExactly("bob@gmail.com");
    }

    @Test
    void does_not_match_a_bounce_with_another_reason() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "userunknown,hostunknown");

        assertThat(matched(matcher, classified(SPAMHAUS_CLIENT, "bob@example.com"))).isEmpty();
    }

    @Test
    void matches_only_the_recipient_the_reply_is_about() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "mailboxfull");
        Mail mail = classified(Verdicts.MAILBOX_FULL, "alice@example.com", "carol@example.com");

        assertThat(matched(matcher, mail)).containsExactly("carol@example.com");
    }

    @Test
    void matches_nobody_when_the_reply_cannot_be_tied_to_one_of_several_recipients() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "userunknown");

        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "alice@gmail.com", "bob@gmail.com"))).isEmpty();
    }

    @Test
    void matches_every_recipient_of_a_reason_about_the_whole_transaction() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "blocked");

        assertThat(matched(matcher, classified(SPAMHAUS_CLIENT, "alice@example.com", "bob@example.com")))
                .containsExactly("alice@example.com", "bob@example.com");
    }

    @Test
    void reason_names_are_case_insensitive_and_old_sisimai_names_are_folded() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), " UserUnknown , mesgtoobig ");
        Mail tooBig = classified("552 5.3.4 Message size exceeds fixed maximum message size", "bob@example.org");

        assertThat(matched(matcher, tooBig)).containsExactly("bob@example.org");
        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).containsExactly("bob@gmail.com");
    }

    @Test
    void a_mail_that_was_never_classified_matches_nothing() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "undefined");

        assertThat(matched(matcher, Bounces.builder("bob@example.org").build())).isEmpty();
    }

    @Test
    void a_reason_attribute_of_an_odd_type_matches_nothing() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "userunknown");
        Mail mail = Bounces.builder("bob@example.org").build();
        mail.setAttribute(Bounces.attribute(AttributeName.of("bouncekit.reason"), AttributeValue.of(42)));

        assertThat(matched(matcher, mail)).isEmpty();
    }

    @Test
    void the_prefix_option_reads_attributes_written_under_another_prefix() throws Exception {
        IsBounceReason matcher = configured(new IsBounceReason(), "userunknown;prefix=acme.");

        assertThat(matched(matcher, Verdicts.classifiedUnder("acme.", GMAIL_USER_UNKNOWN, "bob@gmail.com"))).containsExactly("bob@gmail.com");
        assertThat(matched(matcher, classified(GMAIL_USER_UNKNOWN, "bob@gmail.com"))).isEmpty();
    }

    @Test
    void an_empty_condition_fails_init_with_an_example() {
        assertThatThrownBy(() -> configured(new IsBounceReason(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsBounceReason")
                .hasMessageContaining("userunknown,hostunknown");
    }

    @Test
    void an_unknown_reason_fails_init_listing_the_known_ones() {
        assertThatThrownBy(() -> configured(new IsBounceReason(), "userunknown,nosuchreason"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsBounceReason")
                .hasMessageContaining("nosuchreason")
                .hasMessageContaining("mailboxfull");
    }

    @Test
    void an_unknown_option_fails_init() {
        assertThatThrownBy(() -> configured(new IsBounceReason(), "userunknown;color=red"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("color=red")
                .hasMessageContaining("prefix=");
    }

    @Test
    void a_blank_prefix_option_fails_init() {
        assertThatThrownBy(() -> configured(new IsBounceReason(), "userunknown;prefix="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
    }

    @Test
    void a_prefix_option_given_twice_fails_init_instead_of_taking_the_last() {
        assertThatThrownBy(() -> configured(new IsBounceReason(), "userunknown;prefix=acme.;prefix=other."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IsBounceReason")
                .hasMessageContaining("prefix=acme.")
                .hasMessageContaining("prefix=other.");
        assertThatThrownBy(() -> configured(new IsHardBounce(), "prefix=acme.;prefix=acme."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("once");
    }

    @Test
    void its_info_names_it() {
        assertThat(new IsBounceReason().getMatcherInfo()).startsWith("IsBounceReason");
    }
}
