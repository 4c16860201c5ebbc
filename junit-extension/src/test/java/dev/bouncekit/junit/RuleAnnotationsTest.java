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
    void a_scenario_needs_a_location() {
        assertThatThrownBy(() -> RuleAnnotations.scenario(" ", getClass().getClassLoader()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scenario named");
    }
}
