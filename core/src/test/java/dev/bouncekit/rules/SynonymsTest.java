package dev.bouncekit.rules;

import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SynonymsTest {

    private static final RuleMatcher BUILT_IN = RuleSet.builtIn().compile();

    private static Reason reason(String text) {
        return BUILT_IN.firstMatch(text, null, null, 5, null).map(PhraseRule::reason).orElse(null);
    }

    @Test
    void a_refusal_word_is_read_as_the_others() {
        assertThat(Synonyms.of("relay access denied"))
                .containsExactly("relay access denied", "relay access rejected", "relay access refused", "relay access declined");
        assertThat(Synonyms.of("\\bunknown user\\b")).contains("\\bunknown recipient\\b", "\\bunknown addressee\\b");
        assertThat(Synonyms.of("sender is blacklisted")).contains("sender is blocklisted", "sender is denylisted");
    }

    @Test
    void a_word_in_company_that_changes_its_meaning_keeps_its_own() {
        assertThat(Synonyms.of("connection refused")).containsExactly("connection refused");
        assertThat(Synonyms.of("not owned by auth user")).containsExactly("not owned by auth user");
        assertThat(Synonyms.of("user reject")).containsExactly("user reject");
        assertThat(Synonyms.of("username")).containsExactly("username");
    }

    @Test
    void the_siblings_of_a_rule_leave_out_its_own_phrases_and_are_bounded() {
        List<List<String>> siblings = Synonyms.siblingsOf(List.of("user", "denied", "recipient"));

        assertThat(siblings).doesNotContain(List.of("user", "denied", "recipient")).hasSize(Synonyms.MAX_PER_RULE);
        assertThat(Synonyms.siblingsOf(List.of("mailbox full"))).isEmpty();
    }

    @Test
    void the_built_in_rules_read_a_synonym_of_their_wording() {
        assertThat(reason("554 Relaying declined")).isEqualTo(Reason.NORELAYING);
        assertThat(reason("550 5.1.1 Addressee does not exist here")).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void a_phrase_as_written_decides_before_another_rule_s_synonym_of_it() {
        // "refused by policy" is a block, "denied by policy" a policy violation: each as written
        assertThat(reason("550 Message refused by policy")).isEqualTo(Reason.BLOCKED);
        assertThat(reason("550 Message denied by policy")).isEqualTo(Reason.POLICYVIOLATION);
        assertThat(reason("421 Connection refused")).isEqualTo(Reason.NETWORKERROR);
    }
}
