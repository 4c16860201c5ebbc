package dev.bouncekit.rules;

import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SpellingVariantsTest {

    private static Optional<Reason> reason(String rules, String text) throws IOException {
        return RuleSet.parse("test.rules", new StringReader(rules)).compile()
                .firstMatch(text, null, null, 5, null).map(PhraseRule::reason);
    }

    @Test
    void a_contraction_matches_its_long_form_and_back() throws IOException {
        assertThat(reason("user doesn't exist => userunknown\n", "550 User does not exist")).contains(Reason.USERUNKNOWN);
        assertThat(reason("user doesn't exist => userunknown\n", "550 User doesnt exist")).contains(Reason.USERUNKNOWN);
        assertThat(reason("user does not exist => userunknown\n", "550 User doesn\u2019t exist")).contains(Reason.USERUNKNOWN);
        assertThat(reason("cannot deliver => onhold\n", "Can't deliver")).contains(Reason.ONHOLD);
        assertThat(reason("cannot deliver => onhold\n", "can not deliver")).contains(Reason.ONHOLD);
    }

    @Test
    void compounds_and_stems_match_either_spelling() throws IOException {
        assertThat(reason("mailbox full => mailboxfull\n", "552 Mail box full")).contains(Reason.MAILBOXFULL);
        assertThat(reason("mail box full => mailboxfull\n", "552 mailbox full")).contains(Reason.MAILBOXFULL);
        assertThat(reason("unknown e-mail address => userunknown\n", "Unknown email address")).contains(Reason.USERUNKNOWN);
        assertThat(reason("not authorized ... send => rejected\n", "You are not authorised to send")).contains(Reason.REJECTED);
        assertThat(reason("nonexistent user => userunknown\n", "non-existent user")).contains(Reason.USERUNKNOWN);
        assertThat(reason("nachricht ist zu groß => emailtoolarge\n", "NACHRICHT IST ZU GROSS")).contains(Reason.EMAILTOOLARGE);
        assertThat(reason("nachricht ist zu groß => emailtoolarge\n", "Nachricht ist zu gross")).contains(Reason.EMAILTOOLARGE);
    }

    @Test
    void a_spelling_inside_another_word_is_left_alone() {
        assertThat(SpellingVariants.of("this not")).containsExactly("this not");
        assertThat(SpellingVariants.of("is nothing")).containsExactly("is nothing");
        assertThat(SpellingVariants.of("cannot")).containsExactly("cannot", "can't", "can not", "cant");
        assertThat(SpellingVariants.of("recipient's mailbox")).contains("recipients mailbox", "recipients mail box");
        assertThat(SpellingVariants.of("\\bmailbox\\b")).containsExactly("\\bmailbox\\b", "\\bmail box\\b");
    }

    @Test
    void every_spelling_of_a_rule_is_its_own_first_then_the_others_and_is_bounded() {
        List<List<String>> all = SpellingVariants.of(List.of("e-mail", "does not", "mailbox"));

        assertThat(all.get(0)).containsExactly("e-mail", "does not", "mailbox");
        assertThat(all).contains(List.of("email", "doesn't", "mail box")).doesNotHaveDuplicates();
        assertThat(SpellingVariants.of(List.of("is not is not is not", "was not was not", "can't")))
                .hasSizeLessThanOrEqualTo(SpellingVariants.MAX_PER_RULE);
    }

    @Test
    void a_rule_and_its_spellings_share_one_source_and_a_repeated_rule_is_kept_once() throws IOException {
        RuleSet set = RuleSet.parse("test.rules", new StringReader(
                "mailbox full => mailboxfull\nmail box full => mailboxfull\nmail box full => userunknown\n"));

        assertThat(set.rules()).extracting(PhraseRule::source)
                .containsExactly("test.rules:1", "test.rules:1", "test.rules:3", "test.rules:3");
        assertThat(set.rules()).extracting(PhraseRule::reason)
                .containsExactly(Reason.MAILBOXFULL, Reason.MAILBOXFULL, Reason.USERUNKNOWN, Reason.USERUNKNOWN);
    }
}
