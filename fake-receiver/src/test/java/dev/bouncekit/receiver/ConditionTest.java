package dev.bouncekit.receiver;

import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "ghost@gmail.com, ghost@gmail.com, true",
            "ghost@gmail.com, GHOST@Gmail.com, true",
            "ghost@gmail.com, ghost@gmail.co, false",
            "*.example.org, mx.example.org, true",
            "*.example.org, a.b.example.org, true",
            "*.example.org, example.org, false",
            "*@spammy.test, bulk@spammy.test, true",
            "*@spammy.test, bulk@notspammy.test, false",
            "a*b*c, abc, true",
            "a*b*c, aXbYc, true",
            "a*b*c, acb, false",
            "a*a, a, false",
            "*, anything, true",
            "10.0.*, 10.0.3.4, true",
    })
    void glob_matching(String pattern, String value, boolean expected) {
        assertThat(Condition.recipient(pattern).matchesValue(value.toLowerCase(Locale.ROOT))).isEqualTo(expected);
    }

    @Test
    void each_subject_is_known_from_its_stage_on() {
        assertThat(Condition.any().canMatchAt(SmtpStage.CONNECT)).isTrue();
        assertThat(Condition.client("127.0.0.1").canMatchAt(SmtpStage.CONNECT)).isTrue();
        assertThat(Condition.helo("x").canMatchAt(SmtpStage.CONNECT)).isFalse();
        assertThat(Condition.sender("x").canMatchAt(SmtpStage.EHLO)).isFalse();
        assertThat(Condition.recipient("x").canMatchAt(SmtpStage.MAIL)).isFalse();
        assertThat(Condition.recipientDomain("x").canMatchAt(SmtpStage.DATA)).isTrue();
    }

    @Test
    void empty_sender_pattern_matches_the_null_sender_only() {
        assertThat(Condition.sender("").matchesValue("")).isTrue();
        assertThat(Condition.sender("").matchesValue("a@b.test")).isFalse();
        assertThatThrownBy(() -> Condition.recipient(" ")).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> Condition.helo("a\nb")).hasMessageContaining("control characters");
    }

    @Test
    void an_address_in_angle_brackets_as_written_on_the_wire_is_the_address() {
        // copied from RCPT TO:<ghost@gmail.com> in a log, the pattern kept its brackets and matched no recipient
        assertThat(Condition.recipient(" <Ghost@gmail.com> ").matchesValue("ghost@gmail.com")).isTrue();
        assertThat(Condition.recipient("<*@gmail.com>").pattern()).isEqualTo("*@gmail.com");
        assertThat(Condition.sender("<>").matchesValue("")).as("the null sender").isTrue();
        assertThat(Condition.sender("<>").matchesValue("a@b.test")).isFalse();
        assertThatThrownBy(() -> Condition.recipient("<>")).hasMessageContaining("must not be empty");
    }
}
