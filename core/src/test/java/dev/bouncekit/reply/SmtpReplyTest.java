package dev.bouncekit.reply;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpReplyTest {

    @Test
    void a_text_line_with_a_line_break_is_refused_so_the_wire_form_stays_one_reply() {
        assertThatThrownBy(() -> SmtpReply.of(550, "5.1.1", "User unknown\r\n250 2.0.0 OK"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("single lines");
        assertThatThrownBy(() -> SmtpReply.of(550, null, "first", "second\nthird"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> new SmtpReply(451, null, List.of("a\rb"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_wire_line_is_one_line() {
        SmtpReply reply = SmtpReply.of(550, "5.1.1", "The account does not exist.", "Try again.");

        assertThat(reply.wireLines()).containsExactly("550-5.1.1 The account does not exist.", "550 5.1.1 Try again.")
                .noneMatch(line -> line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0);
    }

    @Test
    void a_parsed_reply_keeps_its_lines() {
        SmtpReply parsed = ReplyParser.parse("550-5.1.1 first\r\n550 5.1.1 second\r\n");

        SmtpReply copy = new SmtpReply(parsed.code(), parsed.status(), parsed.lines(), SmtpStage.RCPT, null);

        assertThat(copy.lines()).containsExactly("first", "second");
        assertThat(copy.toWire()).isEqualTo("550-5.1.1 first\r\n550 5.1.1 second\r\n");
    }
}
