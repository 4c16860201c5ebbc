package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyRuleTest {

    @Test
    void catalog_reply_without_a_stage_answers_at_the_entrys_stage() {
        ReplyRule rule = ReplyRule.when(Condition.recipient("ghost@gmail.com")).reply("gmail/user-unknown");

        assertThat(rule.stage()).isEqualTo(SmtpStage.RCPT);
        assertThat(rule.wireLines()).isEqualTo(ReplyCatalog.builtIn().require("gmail/user-unknown").lines());
        assertThat(rule.id()).isEqualTo("RCPT recipient=ghost@gmail.com -> gmail/user-unknown");
    }

    @Test
    void an_alias_sends_its_target_entry() {
        ReplyRule rule = ReplyRule.when(Condition.sender("*@spammy.test")).at(SmtpStage.MAIL).reply("outlook/spamhaus-blocked");

        assertThat(rule.catalogId()).isEqualTo("outlook/spamhaus-blocked");
        assertThat(rule.catalogEntry()).map(e -> e.id()).contains("outlook/spamhaus-client");
    }

    @Test
    void custom_reply_puts_the_enhanced_code_on_every_line() {
        ReplyRule rule = ReplyRule.when(Condition.any()).at(SmtpStage.DATA).replyWith(554, "5.7.1", "one", "two");

        assertThat(rule.wireLines()).containsExactly("554-5.7.1 one", "554 5.7.1 two");
    }

    @Test
    void withers_return_changed_copies() {
        ReplyRule base = ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).replyWith(451, "4.7.1", "later");
        ReplyRule changed = base.times(2).delay(Duration.ofSeconds(1)).named("greylist");

        assertThat(base.times()).isZero();
        assertThat(changed.times()).isEqualTo(2);
        assertThat(changed.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(changed.id()).isEqualTo("greylist");
        assertThat(changed.describe()).isEqualTo("RCPT any -> 451 4.7.1 later, delay 1000ms, times 2");
    }

    @Test
    void refuses_a_recipient_condition_at_mail() {
        assertThatThrownBy(() -> ReplyRule.when(Condition.recipient("a@b.test")).at(SmtpStage.MAIL).reply("generic/user-unknown"))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("at");
                    assertThat(e.problem()).isEqualTo("stage MAIL cannot match on recipient; use RCPT");
                });
    }

    @Test
    void refuses_a_helo_condition_at_connect() {
        assertThatThrownBy(() -> ReplyRule.when(Condition.helo("x")).at(SmtpStage.CONNECT).disconnect())
                .hasMessage("field 'at': stage CONNECT cannot match on helo; use EHLO");
    }

    @Test
    void refuses_a_sender_condition_at_ehlo() {
        assertThatThrownBy(() -> ReplyRule.when(Condition.senderDomain("x.test")).at(SmtpStage.EHLO).disconnect())
                .hasMessage("field 'at': stage EHLO cannot match on senderDomain; use MAIL");
    }

    @Test
    void refuses_unknown_catalog_ids() {
        assertThatThrownBy(() -> ReplyRule.when(Condition.any()).reply("gmail/no-such-entry"))
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("reply"))
                .hasMessageContaining("unknown catalog id 'gmail/no-such-entry'");
    }

    @Test
    void refuses_accepting_codes_and_line_breaks_in_custom_replies() {
        assertThatThrownBy(() -> ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).replyWith(250, null, "OK"))
                .hasMessageContaining("code must be 4xx or 5xx");
        assertThatThrownBy(() -> ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).replyWith(550, null, "a\r\nb"))
                .hasMessageContaining("single lines");
        assertThatThrownBy(() -> ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).replyWith(550, "9.9", "x"))
                .isInstanceOf(InvalidRuleException.class);
    }

    /**
     * {@code accept().thenDisconnect()} became a rule that closed the connection without a reply, so nothing was
     * accepted; a scenario file refuses {@code accept} with {@code disconnect}, and so does the Java API now.
     */
    @Test
    void refuses_to_disconnect_after_an_accepting_rule() {
        ReplyRule accepting = ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).accept();

        assertThatThrownBy(accepting::thenDisconnect)
                .isInstanceOfSatisfying(InvalidRuleException.class, e -> assertThat(e.field()).isEqualTo("accept"))
                .hasMessage("field 'accept': cannot be combined with thenDisconnect(): the rule would close the connection"
                        + " instead of accepting; use disconnect() to close it without a reply");
        assertThat(accepting.accepts()).isTrue();
    }

    @Test
    void refuses_a_custom_reply_whose_status_class_is_not_its_code_class() {
        assertThatThrownBy(() -> ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).replyWith(550, "4.1.1", "x"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessage("field 'reply': status 4.1.1 does not match code 550;"
                        + " an enhanced status starts with the code's first digit (RFC 3463): 5.x.x");
        assertThatThrownBy(() -> ReplyRule.when(Condition.any()).at(SmtpStage.MAIL)
                .replyWith(SmtpReply.of(421, "5.7.0", "x")))
                .isInstanceOf(InvalidRuleException.class).hasMessageContaining("status 5.7.0 does not match code 421");
        assertThat(ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).replyWith(451, "4.7.1", "Greylisted").behaviour())
                .isInstanceOf(Behaviour.CustomReply.class);
    }

    @Test
    void custom_replies_need_a_stage() {
        assertThatThrownBy(() -> ReplyRule.when(Condition.any()).replyWith(SmtpReply.of(550, null, "no")))
                .hasMessageContaining("a stage is required");
    }

    @Test
    void refuses_negative_times_and_unreasonable_delays() {
        ReplyRule rule = ReplyRule.when(Condition.any()).at(SmtpStage.RCPT).disconnect();
        assertThatThrownBy(() -> rule.times(-1)).hasMessageContaining("field 'times'");
        assertThatThrownBy(() -> rule.delay(Duration.ofHours(1))).hasMessageContaining("field 'delay'");
        assertThatThrownBy(() -> rule.delay(Duration.ofMillis(-1))).hasMessageContaining("field 'delay'");
    }
}
