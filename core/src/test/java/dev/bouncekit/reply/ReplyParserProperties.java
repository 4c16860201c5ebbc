package dev.bouncekit.reply;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReplyParser}, which reads lines as ranges of the input, against
 * {@link ReferenceReplyParser}, which copies every line at every step: the same reply for texts
 * built from the pieces the parser looks for (codes, continuation marks, enhanced codes, DSN
 * fields, Postfix's forms, line breaks, white space, Java exceptions and the stack traces logged after them,
 * encoded words).
 */
class ReplyParserProperties {

    private static final String[] PIECES = {
        "550", "550-", "550 ", "421", "452 ", "551", "5.1.1", "5.1.1 ", "4.2.2", "5.7.1", "5.7.26", "5.1.10", "5.12.1",
        "2.0.0", "192.0.2.1", "4.16.55.1", " ", "  ", "\t", "\n", "\r\n", "\r", "-", ":", ";", ",", "(", ")", "[", "]",
        "smtp;", "SMTP; ", "Diagnostic-Code: ", "diagnostic-code: smtp; ", "Status: ", "Status: 5.2.2", "Remote-MTA: dns; ",
        "Action: failed", "Final-Recipient: rfc822; a@example.org", "Reporting-MTA: dns; x", "X-Postfix-Queue-ID: 1",
        "host ", "HOST ", "mx.example.org[192.0.2.1]", " said: ", " said:", "<a@example.org>: ", "(host ",
        "in reply to ", "(in reply to RCPT TO command)", " command", "end of DATA", "MAIL FROM", "RCPT TO",
        "IN REPLY TO ", "(In Reply To DATA command)", "in reply to", "in reply", "reply to ", "y", "Y",
        "user unknown", "Mailbox full", "gsmtp", "(#5.1.1)", "Please try", "x", "é", "İ", "\u00a0", "\u2028",
        "Remote Server returned '", "'", "The response was:", "the response from the remote server was: ",
        "SMTP error from remote mail server after ", "smtp error from remote mailer after pipelined ", "RCPT TO:<a@example.org>: ",
        "end of data: ", "initial connection: ", "org.eclipse.angus.mail.smtp.SMTPAddressFailedException: ",
        "SMTPSenderFailedException: ", "Diagnostic-Code: X-Unix; ", "diagnostic-code: x-postfix; ", "255", "jakarta.mail.SendFailedException: Invalid Addresses;", "Exception: ", "a.", "nested exception is:",
        "a@example.org", "host mx.example.org [192.0.2.1]", "host mx.example.org [2001:db8::1]: ", "RCPT TO:<a@example.org>:", "end of data:",
        "\tat ", "    at ", "at ", "at", "com.example.SpamChecked.run(SpamChecked.java:42)", "a.b(", "Job(", ".", "\tat a.b.C.d(C.java:1)",
        "... 12 more", "\t... 3 more", "... 1 common frames omitted", "...", "... ", " more", "12", "Caused by: ", "Caused by:",
        "caused by: ", "Suppressed: ", "\tSuppressed:", "com.sun.mail.smtp.SMTPSendFailedException: ",
        "=?UTF-8?Q?550_5.1.1_user_unknown?=", "=?UTF-8?B?NTUwLTUuMS4xIA==?=", "=?UTF-8?Q?=0D=0A?=", "=?x?Q?a?=", "=?"
    };

    @Property(tries = 3000)
    void the_range_parser_gives_the_reference_reply(@ForAll("replies") String text) {
        assertThat(ReplyParser.parse(text)).isEqualTo(ReferenceReplyParser.parse(text));
    }

    @Property(tries = 500)
    void any_text_gives_the_reference_reply(@ForAll String text) {
        assertThat(ReplyParser.parse(text)).isEqualTo(ReferenceReplyParser.parse(text));
    }

    @Property(tries = 2000)
    void the_lines_kept_as_one_text_are_the_reference_lines(@ForAll("replies") String text) {
        SmtpReply parsed = ReplyParser.parse(text);
        SmtpReply reference = ReferenceReplyParser.parse(text);
        assertThat(parsed.text()).isEqualTo(String.join(" ", reference.lines()));
        assertThat(parsed.lines()).hasSize(reference.lines().size());
        for (int i = 0; i < reference.lines().size(); i++) {
            assertThat(parsed.lines().get(i)).isEqualTo(reference.lines().get(i));
        }
        assertThat(reference).isEqualTo(parsed);
        assertThat(parsed.hashCode()).isEqualTo(reference.hashCode());
        assertThat(parsed.isEmpty()).isEqualTo(reference.isEmpty());
        assertThat(parsed.toString()).isEqualTo(reference.toString());
        assertThat(List.copyOf(parsed.lines())).isEqualTo(reference.lines());
    }

    /** Lines as Exim's bounce messages write them around the reply, and others: in any order, indented or not. */
    private static final String[] EXIM_LINES = {
        "a@example.org", "kijitora@example.jp", "a@b@example.org", "@example.org", "host mx.example.org [192.0.2.1]",
        "HOST mx.example.org. [2001:db8::1]", "host mx.example.org [192.0.2.1]: 550 5.1.1 no such user",
        "host [192.0.2.1]", "host mx.example.org 192.0.2.1", "SMTP error from remote mail server after RCPT TO:<a@example.org>:",
        "SMTP error from remote mailer after end of data:", "SMTP error from remote server after initial connection:",
        "SMTP error from remote mail server after RCPT TO:<a@example.org>: 550 unknown user",
        "SMTP error from remote mail server after MAIL FROM:<a@example.org> SIZE=1234", "550 5.1.1 User unknown",
        "550-5.7.1 rejected", "550 5.7.1 by policy", "smtp; 550 5.1.1 no such user", "Mailbox full", "", "Status: 5.2.2",
        "Address not found", "The response from the remote server was:", "The response was: 550 5.1.1 gone",
        "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound'", "Remote host said: 553 sorry",
        "Remote host said:", "Remote mail server told me: 550 No such user here", "<<< 554 5.7.1 rejected", "<<<", ">>> RCPT To:<a@example.org>", "452-4.2.2 full",
    };

    @Property(tries = 2000)
    void exims_layouts_give_the_reference_reply(@ForAll("eximLayouts") String text) {
        assertThat(ReplyParser.parse(text)).isEqualTo(ReferenceReplyParser.parse(text));
    }

    @Provide
    Arbitrary<String> eximLayouts() {
        Arbitrary<String> line = Arbitraries.of(EXIM_LINES).flatMap(l -> Arbitraries.of("", "  ", "    ", "\t").map(indent -> indent + l));
        return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines));
    }

    /** Lines of a logged exception with its stack trace, and near misses of trace lines. */
    private static final String[] TRACE_LINES = {
        "org.eclipse.angus.mail.smtp.SMTPSendFailedException: 550 5.7.1 Message refused",
        "Caused by: org.eclipse.angus.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <a@example.org>: User unknown",
        "\tSuppressed: com.sun.mail.smtp.SMTPSenderFailedException: 553-5.1.8 Sender rejected",
        "jakarta.mail.SendFailedException: Invalid Addresses;", "  nested exception is:", "550-5.7.1 spam", "550 5.7.1 refused",
        "\tat com.example.newsletter.SpamCheckedCampaign.run(SpamCheckedCampaign.java:42)",
        "\tat java.base/java.lang.Thread.run(Thread.java:833)", "    at a.b.C.<init>(Unknown Source)", "\t\tat a.B$1.c(B.java:3)",
        "at com.example.Job.run(Job.java:1)", "\tat mx.example.org", "\tat noon (UTC)", "\tat x.y z(", " at .(", "\tat run(Job.java:1)", "\tat (",
        "\t... 12 more", "... 3 more  ", "\t... 1 common frames omitted", "... more", "\t... 2 more tries", "...12 more",
        "Caused by: java.net.SocketException: Connection reset", "Caused by:", "\tSuppressed: a.b.C", "caused by: x", "Caused  by: x",
        "", " ", "Mailbox full",
    };

    @Property(tries = 2000)
    void stack_traces_give_the_reference_reply(@ForAll("stackTraces") String text) {
        assertThat(ReplyParser.parse(text)).isEqualTo(ReferenceReplyParser.parse(text));
    }

    @Provide
    Arbitrary<String> stackTraces() {
        Arbitrary<String> line = Arbitraries.of(TRACE_LINES);
        Arbitrary<String> lineBreak = Arbitraries.of("\n", "\r\n", "\r", "\n\n");
        return Arbitraries.integers().between(0, 10).flatMap(count -> Combinators.combine(
                line.list().ofSize(count + 1), lineBreak.list().ofSize(count)).as((lines, breaks) -> {
                    StringBuilder text = new StringBuilder(lines.get(0));
                    for (int i = 0; i < count; i++) {
                        text.append(breaks.get(i)).append(lines.get(i + 1));
                    }
                    return text.toString();
                }));
    }

    /**
     * A text of one line is read by the parser's one-line path when it has the common shape; the
     * same text with a line break after it is always read line by line, and gives the same reply.
     */
    @Property(tries = 3000)
    void one_line_gives_what_the_line_reader_gives(@ForAll("oneLineReplies") String text) {
        SmtpReply oneLine = ReplyParser.parse(text);
        assertThat(oneLine).isEqualTo(ReplyParser.parse(text + "\n"));
        assertThat(oneLine).isEqualTo(ReferenceReplyParser.parse(text));
        assertThat(oneLine.text()).isEqualTo(String.join(" ", oneLine.lines()));
    }

    @Provide
    Arbitrary<String> oneLineReplies() {
        return replies().map(text -> text.replace('\n', ' ').replace('\r', ' '));
    }

    @Provide
    Arbitrary<String> replies() {
        return Arbitraries.of(PIECES).list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    }
}
