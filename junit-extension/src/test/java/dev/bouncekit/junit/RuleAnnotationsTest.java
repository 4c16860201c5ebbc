package dev.bouncekit.junit;

import dev.bouncekit.receiver.ReplyRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules behind the annotations, as test support other than the extension reads them. */
class RuleAnnotationsTest {

    @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
    @RejectRecipient(value = "*@gone.example")
    @RejectSender(value = "*@spammy.test", reply = "outlook/spamhaus-mailfrom")
    @Greylist(recipient = "*@slow.example", times = 2)
    static class Annotated {
    }

    @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/no-such-entry")
    static class BadReply {
    }

    @Greylist(reply = "generic/user-unknown")
    void greylistingWithAPermanentReply() {
    }

    @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
    @RejectRecipient(value = "Ghost@Gmail.com", reply = "generic/mailbox-full")
    static class SameRecipientTwice {
    }

    @RejectRecipient(value = "*@example.org")
    @Greylist(recipient = "slow@example.org")
    static class GreylistBehindAGlob {
    }

    @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown", times = 1)
    @RejectRecipient(value = "ghost@gmail.com", reply = "generic/mailbox-full")
    @RejectRecipient(value = "*@gmail.com", reply = "generic/mailbox-full")
    @RejectSender(value = "ghost@gmail.com")
    static class EachRuleCanAnswer {
    }

    @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
    @Scenario("classpath:scenarios/bounces.yaml")
    static class Base {
    }

    @RejectRecipient(value = "ghost@gmail.com", reply = "generic/mailbox-full")
    static class Sub extends Base {
    }

    @Scenario("classpath:scenarios/full.yaml")
    static class SubWithAScenario extends Sub {
    }

    @Test
    void reads_a_class_s_own_rules_before_those_it_inherits() {
        List<ReplyRule> sub = RuleAnnotations.declaredOn(Sub.class);
        List<ReplyRule> base = RuleAnnotations.declaredOn(Base.class);
        List<ReplyRule> full = RuleAnnotations.scenario("classpath:scenarios/full.yaml", getClass().getClassLoader());

        assertThat(sub.get(0).toString()).contains("ghost@gmail.com", "generic/mailbox-full");
        assertThat(sub.subList(1, sub.size())).isEqualTo(base);
        assertThat(base.get(0).toString()).contains("ghost@gmail.com", "gmail/user-unknown");
        assertThat(RuleAnnotations.declaredOn(SubWithAScenario.class)).hasSize(full.size() + sub.size())
                .startsWith(full.toArray(ReplyRule[]::new)).endsWith(sub.toArray(ReplyRule[]::new));
    }

    @Test
    void reads_recipients_then_senders_then_greylists_each_in_declaration_order() {
        List<ReplyRule> rules = RuleAnnotations.declaredOn(Annotated.class);

        assertThat(rules).extracting(Object::toString).satisfiesExactly(
                rule -> assertThat(rule).contains("ghost@gmail.com").contains("gmail/user-unknown"),
                rule -> assertThat(rule).contains("*@gone.example").contains("generic/user-unknown"),
                rule -> assertThat(rule).contains("*@spammy.test").contains("outlook/spamhaus-mailfrom"),
                rule -> assertThat(rule).contains("*@slow.example").contains("generic/greylisted"));
    }

    @Test
    void one_annotation_gives_the_rule_the_extension_would_install() {
        RejectRecipient annotation = Annotated.class.getAnnotationsByType(RejectRecipient.class)[0];

        assertThat(RuleAnnotations.rule(annotation)).hasToString(RuleAnnotations.declaredOn(Annotated.class).get(0).toString());
    }

    @Test
    void an_element_without_annotations_has_no_rules() {
        assertThat(RuleAnnotations.declaredOn(RuleAnnotationsTest.class)).isEmpty();
    }

    @Test
    void a_rule_that_cannot_work_is_refused_naming_the_annotation_and_where_it_is() throws Exception {
        assertThatThrownBy(() -> RuleAnnotations.declaredOn(BadReply.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RejectRecipient")
                .hasMessageContaining(BadReply.class.getName())
                .hasMessageContaining("unknown catalog id 'gmail/no-such-entry'");
        assertThatThrownBy(() -> RuleAnnotations.declaredOn(getClass().getDeclaredMethod("greylistingWithAPermanentReply")))
                .hasMessageContaining("RuleAnnotationsTest.greylistingWithAPermanentReply()")
                .hasMessageContaining("greylisting needs a temporary 4xx reply");
    }

    @Test
    void a_rule_an_earlier_one_on_the_same_element_always_answers_first_is_refused_naming_both() {
        // the second rule was installed and never answered: the test then failed on the reply it expected
        assertThatThrownBy(() -> RuleAnnotations.declaredOn(SameRecipientTwice.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("@dev.bouncekit.junit.RejectRecipient(")
                .hasMessageContaining("value=\"Ghost@Gmail.com\"")
                .hasMessageContaining("on " + SameRecipientTwice.class.getName() + ": never answers: the earlier @RejectRecipient(value = \"ghost@gmail.com\", reply = \"gmail/user-unknown\") on it answers ")
                .hasMessageEndingWith("first, every time; give the earlier one times = N, or remove one");
        assertThatThrownBy(() -> RuleAnnotations.declaredOn(GreylistBehindAGlob.class))
                .hasMessageStartingWith("@dev.bouncekit.junit.Greylist(")
                .hasMessageContaining("never answers: the earlier @RejectRecipient(value = \"*@example.org\", reply = \"generic/user-unknown\") on it");
    }

    @Test
    void rules_that_each_can_answer_are_all_kept() {
        assertThat(RuleAnnotations.declaredOn(EachRuleCanAnswer.class)).hasSize(4);
    }

    @Test
    void a_scenario_needs_a_location() {
        assertThatThrownBy(() -> RuleAnnotations.scenario(" ", getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scenario named");
    }
}
