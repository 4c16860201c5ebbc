package dev.bouncekit.reply;

import dev.bouncekit.status.EnhancedStatusCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyParserTest {

    private static final String GMAIL_WIRE = "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
            + "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
            + "550-5.1.1 unnecessary spaces. Learn more at\r\n"
            + "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser abc.12 - gsmtp\r\n";

    @Test
    void multi_line_wire_reply_gives_one_code_one_status_and_the_text_lines() {
        SmtpReply reply = ReplyParser.parse(GMAIL_WIRE);

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(reply.lines()).containsExactly(
                "The email account that you tried to reach does not exist. Please try",
                "double-checking the recipient's email address for typos or",
                "unnecessary spaces. Learn more at",
                "https://support.google.com/mail/?p=NoSuchUser abc.12 - gsmtp");
    }

    @Test
    void lines_joined_by_newline_as_jakarta_mail_reports_them_parse_like_the_wire_form() {
        SmtpReply wire = ReplyParser.parse(GMAIL_WIRE);
        SmtpReply joined = ReplyParser.parse(GMAIL_WIRE.replace("\r\n", "\n"));

        assertThat(joined).isEqualTo(wire);
    }

    @Test
    void continuation_marks_inside_a_line_joined_by_spaces_are_removed() {
        SmtpReply reply = ReplyParser.parse("550-5.7.1 This message does not have authentication information or fails to pass "
                + "550-5.7.1 authentication checks. To best protect our users 550 5.7.1 from spam.");

        assertThat(reply.text()).isEqualTo("This message does not have authentication information or fails to pass "
                + "authentication checks. To best protect our users from spam.");
    }

    @Test
    void the_last_lines_mark_joined_by_spaces_is_removed_when_the_reply_has_no_enhanced_code() {
        SmtpReply reply = ReplyParser.parse("554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit"
                + " https://web.de/email/senderguidelines");

        assertThat(reply.text()).isEqualTo("Transaction failed Reject due to policy restrictions. For explanation visit"
                + " https://web.de/email/senderguidelines");
        assertThat(ReplyParser.parse("554 Transaction failed: see 554 messages").text()).isEqualTo("Transaction failed: see 554 messages");
    }

    @Test
    void the_enhanced_code_after_a_mark_joined_into_one_line_is_the_replys_when_its_first_line_has_none() {
        SmtpReply reply = ReplyParser.parse("550-Mailbox unavailable 550-5.1.1 no such user 550 5.1.1 here");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(reply.text()).isEqualTo("Mailbox unavailable no such user here");
        assertThat(reply).isEqualTo(ReplyParser.parse("550-Mailbox unavailable 550-5.1.1 no such user 550 5.1.1 here\n"));
        assertThat(ReplyParser.parse("550 502-5.5.1 Unrecognized 502 5.5.1 command 550-5.1.1 x 550 5.1.1 y").status())
                .isEqualTo(EnhancedStatusCode.of("5.1.1"));
    }

    @Test
    void the_lead_ins_of_exchange_outlook_and_gmail_bounces_are_set_aside() {
        SmtpReply exchange = ReplyParser.parse("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'");
        SmtpReply outlook = ReplyParser.parse("The response from the remote server was: 552 5.2.2 mailbox full");
        SmtpReply gmail = ReplyParser.parse("The response was:\n\n550 5.1.1 The email account that you tried to reach does not exist.");

        assertThat(exchange.code()).isEqualTo(550);
        assertThat(exchange.status()).hasToString("5.1.1");
        assertThat(exchange.text()).isEqualTo("RESOLVER.ADR.RecipNotFound; not found");
        assertThat(outlook.code()).isEqualTo(552);
        assertThat(outlook.text()).isEqualTo("mailbox full");
        assertThat(gmail.code()).isEqualTo(550);
        assertThat(gmail.text()).isEqualTo("The email account that you tried to reach does not exist.");
    }

    @Test
    void exims_lead_in_gives_the_stage_and_the_reply() {
        SmtpReply rcpt = ReplyParser.parse("SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>: "
                + "host mx.example.jp [192.0.2.1]: 550 Unknown user kijitora@example.jp");
        SmtpReply data = ReplyParser.parse("SMTP error from remote mail server after end of data: 552 message too big");
        SmtpReply pipelined = ReplyParser.parse("SMTP error from remote mailer after pipelined MAIL FROM:<a@example.org> SIZE=1234: 553 sender rejected");
        SmtpReply noCode = ReplyParser.parse("SMTP error from remote mail server after RCPT TO:<a@example.org>: no reply here");

        assertThat(rcpt.code()).isEqualTo(550);
        assertThat(rcpt.reportedStage()).isEqualTo(SmtpStage.RCPT);
        assertThat(rcpt.text()).isEqualTo("Unknown user kijitora@example.jp");
        assertThat(data.reportedStage()).isEqualTo(SmtpStage.DATA);
        assertThat(data.code()).isEqualTo(552);
        assertThat(pipelined.reportedStage()).isEqualTo(SmtpStage.MAIL);
        assertThat(noCode.code()).isEqualTo(SmtpReply.NO_CODE);
        assertThat(noCode.text()).startsWith("SMTP error from remote mail server");
    }

    @Test
    void exims_bounce_message_layouts_give_the_stage_the_host_and_the_reply() {
        // Exim 4.9x: the failed address and the host on lines of their own, the lead-in ending its line.
        SmtpReply current = ReplyParser.parse("  kijitora@example.jp\n    host mx.example.jp [192.0.2.1]\n"
                + "    SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:\n"
                + "    550 5.1.1 <kijitora@example.jp>: Recipient address rejected: User unknown\n");
        // Older Exim: the lead-in on its line, the host before the reply on the next.
        SmtpReply older = ReplyParser.parse("SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:\n"
                + "    host mx.example.jp [2001:db8::25]: 550 Unknown user\n");
        SmtpReply data = ReplyParser.parse("SMTP error from remote mail server after end of data:\n    552 message too big");

        assertThat(current.code()).isEqualTo(550);
        assertThat(current.status()).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(current.reportedStage()).isEqualTo(SmtpStage.RCPT);
        assertThat(current.reportedHost()).isEqualTo("mx.example.jp");
        assertThat(current.reportedRecipient()).isEqualTo("kijitora@example.jp");
        assertThat(current.text()).isEqualTo("<kijitora@example.jp>: Recipient address rejected: User unknown");
        assertThat(older.code()).isEqualTo(550);
        assertThat(older.reportedStage()).isEqualTo(SmtpStage.RCPT);
        assertThat(older.reportedHost()).isEqualTo("mx.example.jp");
        assertThat(older.text()).isEqualTo("Unknown user");
        assertThat(data.code()).isEqualTo(552);
        assertThat(data.reportedStage()).isEqualTo(SmtpStage.DATA);
    }

    @Test
    void apache_james_bounce_quotes_the_remote_reply_after_its_own_lead_in() {
        // James 3.8.1's Bouncer.explanationText, as its bounce message words it
        SmtpReply james = ReplyParser.parse("Hi. This is the James mail server at mail.example.com.\n"
                + "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
                + "This is a permanent error; I've given up. Sorry it didn't work out. Below\n"
                + "I include the list of recipients and the reason why I was unable to deliver\n"
                + "your message.\n\nghost@example.org\nRemote mail server told me: 550 5.1.1 <ghost@example.org>: User unknown\n");
        SmtpReply alone = ReplyParser.parse("Remote mail server told me: 550 No such user here");

        assertThat(james.code()).isEqualTo(550);
        assertThat(james.status()).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(james.lines()).endsWith("<ghost@example.org>: User unknown");
        assertThat(alone.code()).isEqualTo(550);
        assertThat(alone.lines()).containsExactly("No such user here");
    }

    @Test
    void a_lead_in_that_no_reply_follows_is_the_text_with_the_stage_it_names() {
        SmtpReply exim = ReplyParser.parse("SMTP error from remote mail server after initial connection:");
        SmtpReply rcpt = ReplyParser.parse("a@example.org\nSMTP error from remote mail server after RCPT TO:<a@example.org>:");
        SmtpReply qmail = ReplyParser.parse("Remote host said:");

        assertThat(exim.lines()).containsExactly("SMTP error from remote mail server after initial connection:");
        assertThat(exim.reportedStage()).isEqualTo(SmtpStage.CONNECT);
        assertThat(rcpt.lines()).containsExactly("SMTP error from remote mail server after RCPT TO:<a@example.org>:");
        assertThat(rcpt.reportedStage()).isEqualTo(SmtpStage.RCPT);
        assertThat(qmail.lines()).containsExactly("Remote host said:");
    }

    @Test
    void a_lead_in_after_a_reports_own_lines_starts_the_reply_and_its_code() {
        SmtpReply gmail = ReplyParser.parse("Address not found\nYour message wasn't delivered to a@example.org because the"
                + " address couldn't be found.\nThe response from the remote server was:\n"
                + "550 5.1.1 The email account that you tried to reach does not exist.");
        SmtpReply exchange = ReplyParser.parse("Diagnostic information for administrators:\nGenerating server: BN8PR.example.com\n"
                + "a@example.org\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; not found'");
        SmtpReply qmail = ReplyParser.parse("<a@example.org>:\n192.0.2.1 does not like recipient.\n"
                + "Remote host said: 550 5.1.1 User unknown\nGiving up on 192.0.2.1.");
        SmtpReply sendmail = ReplyParser.parse("... while talking to mx.example.org.:\n>>> DATA\n"
                + "<<< 554 5.7.1 Message rejected due to content restrictions\n554 5.0.0 Service unavailable");

        assertThat(gmail.code()).isEqualTo(550);
        assertThat(gmail.status()).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(gmail.lines()).startsWith("Address not found")
                .endsWith("The email account that you tried to reach does not exist.");
        assertThat(exchange.code()).isEqualTo(550);
        assertThat(exchange.lines()).endsWith("RESOLVER.ADR.RecipientNotFound; not found");
        assertThat(qmail.code()).isEqualTo(550);
        assertThat(qmail.text()).contains("does not like recipient. User unknown Giving up");
        assertThat(sendmail.code()).isEqualTo(554);
        assertThat(sendmail.status()).isEqualTo(EnhancedStatusCode.of("5.7.1"));
    }

    @Test
    void an_address_or_host_line_with_no_exim_lead_in_after_it_stays_text() {
        SmtpReply address = ReplyParser.parse("kijitora@example.jp\n550 5.1.1 no such user");
        SmtpReply host = ReplyParser.parse("host mx.example.jp [192.0.2.1]\nmailbox unavailable");
        String manyAddresses = "a@example.jp\n".repeat(20_000);
        SmtpReply many = ReplyParser.parse(manyAddresses + "SMTP error from remote mail server after RCPT TO:<a@example.jp>:\n"
                + "550 5.1.1 no such user");

        assertThat(address.code()).isEqualTo(SmtpReply.NO_CODE);
        assertThat(address.lines()).first().isEqualTo("kijitora@example.jp");
        assertThat(host.text()).isEqualTo("host mx.example.jp [192.0.2.1] mailbox unavailable");
        assertThat(many.code()).isEqualTo(550);
        assertThat(many.reportedStage()).isEqualTo(SmtpStage.RCPT);
    }

    @Test
    void dsn_fields_give_the_diagnostic_text_status_and_remote_host() {
        SmtpReply reply = ReplyParser.parse("Action: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.net\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <a@example.net>... User unknown\n");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).hasToString("5.1.1");
        assertThat(reply.reportedHost()).isEqualTo("mx.example.net");
        assertThat(reply.text()).isEqualTo("<a@example.net>... User unknown");
    }

    @Test
    void dsn_fields_flattened_onto_one_line_are_taken_apart_as_on_their_own_lines() {
        SmtpReply reply = ReplyParser.parse("Final-Recipient: rfc822; jon@example.org Action: failed Status: 5.2.2 "
                + "Remote-MTA: dns; mx.example.org Diagnostic-Code: smtp; 552 5.2.2 Mailbox full "
                + "Last-Attempt-Date: Fri, 4 Oct 2024 11:02:19 +0000");

        assertThat(reply.code()).isEqualTo(552);
        assertThat(reply.status()).hasToString("5.2.2");
        assertThat(reply.reportedHost()).isEqualTo("mx.example.org");
        assertThat(reply.text()).isEqualTo("Mailbox full");
    }

    @Test
    void a_status_line_that_holds_no_status_code_is_text() {
        assertThat(ReplyParser.parse("Status: D101 Delivery Failed: User not found: jo").text())
                .isEqualTo("Status: D101 Delivery Failed: User not found: jo");
        assertThat(ReplyParser.parse("Undeliverable: Status: D101 Delivery Failed: User not found: jo").text())
                .isEqualTo("Undeliverable: Status: D101 Delivery Failed: User not found: jo");
    }

    @Test
    void dsn_status_is_used_when_the_diagnostic_text_has_none() {
        SmtpReply reply = ReplyParser.parse("Status: 5.2.2\nDiagnostic-Code: smtp; 552 Mailbox full\n");

        assertThat(reply.status()).hasToString("5.2.2");
    }

    @Test
    void an_x_unix_diagnostic_keeps_its_type_in_the_text_an_smtp_one_does_not() {
        assertThat(ReplyParser.parse("Diagnostic-Code: X-Unix; 67\n").text()).isEqualTo("X-Unix; 67");
        assertThat(ReplyParser.parse("Diagnostic-Code: smtp; 552 Mailbox full\n").text()).isEqualTo("Mailbox full");
    }

    @Test
    void folded_diagnostic_code_lines_are_joined() {
        SmtpReply reply = ReplyParser.parse("Diagnostic-Code: smtp; 550 5.7.1 Message rejected\n    because of policy\n");

        assertThat(reply.text()).isEqualTo("Message rejected because of policy");
    }

    @Test
    void smtp_log_form_without_space_is_understood() {
        SmtpReply reply = ReplyParser.parse("smtp;550 5.1.1 no such user");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).hasToString("5.1.1");
        assertThat(reply.text()).isEqualTo("no such user");
    }

    @Test
    void postfix_said_form_gives_host_and_stage() {
        SmtpReply reply = ReplyParser.parse("host mx.example.org[192.0.2.1] said: 550 5.1.1 <a@example.org>: "
                + "Recipient address rejected: User unknown (in reply to RCPT TO command)");

        assertThat(reply.reportedHost()).isEqualTo("mx.example.org");
        assertThat(reply.reportedStage()).isEqualTo(SmtpStage.RCPT);
        assertThat(reply.code()).isEqualTo(550);
    }

    @Test
    void a_postfix_stage_without_a_command_name_is_no_stage() {
        assertThat(ReplyParser.parse("(in reply to   command)").reportedStage()).isNull();
        assertThat(ReplyParser.parse("550 x (in reply to  command)").reportedStage()).isNull();
    }

    @Test
    void the_recipient_named_by_exims_lead_in_or_a_dsn_is_reported_but_not_the_sender() {
        SmtpReply rcpt = ReplyParser.parse("SMTP error from remote mail server after pipelined RCPT TO:<m.bernard@gmail.com>: "
                + "550 5.1.1 user unknown");
        SmtpReply mail = ReplyParser.parse("SMTP error from remote mail server after MAIL FROM:<shop@example.org> SIZE=1234: "
                + "553 sender rejected");
        SmtpReply dsn = ReplyParser.parse("Final-Recipient: rfc822; anna@web.de\nAction: failed\nStatus: 5.1.1\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable");

        assertThat(rcpt.reportedRecipient()).isEqualTo("m.bernard@gmail.com");
        assertThat(rcpt.text()).isEqualTo("user unknown");
        assertThat(mail.reportedRecipient()).isNull();
        assertThat(dsn.reportedRecipient()).isEqualTo("anna@web.de");
        assertThat(ReplyParser.parse("550 5.1.1 <a@example.org>: user unknown").reportedRecipient()).isNull();
        assertThat(ReplyParser.parse("Final-Recipient: rfc822; @\n550 no").reportedRecipient()).isNull();
    }

    @Test
    void postfix_bounce_form_after_the_recipient_gives_code_status_host_and_stage() {
        SmtpReply reply = ReplyParser.parse("<ghost@gmail.com>: host gmail-smtp-in.l.google.com[142.251.9.26] said: "
                + "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 "
                + "double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. "
                + "For more information, go to 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser "
                + "d2e1a72fcca58-7e1a2c8ab2esi1234567b3a.123 - gsmtp (in reply to RCPT TO command)");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).hasToString("5.1.1");
        assertThat(reply.reportedHost()).isEqualTo("gmail-smtp-in.l.google.com");
        assertThat(reply.reportedStage()).isEqualTo(SmtpStage.RCPT);
        assertThat(reply.text()).isEqualTo("<ghost@gmail.com>: The email account that you tried to reach does not exist. "
                + "Please try double-checking the recipient's email address for typos or unnecessary spaces. "
                + "For more information, go to https://support.google.com/mail/?p=NoSuchUser "
                + "d2e1a72fcca58-7e1a2c8ab2esi1234567b3a.123 - gsmtp (in reply to RCPT TO command)");
    }

    @Test
    void a_reply_without_enhanced_code_joined_into_one_line_loses_its_continuation_marks() {
        SmtpReply yahoo = ReplyParser.parse("552-1 Requested mail action aborted, mailbox not 552 found");
        SmtpReply folded = ReplyParser.parse("Diagnostic-Code: smtp; 550-Requested action not taken: 550-mailbox name not 550 allowed");
        SmtpReply single = ReplyParser.parse("552 Message of 552 lines too long");

        assertThat(yahoo.code()).isEqualTo(552);
        assertThat(yahoo.text()).isEqualTo("1 Requested mail action aborted, mailbox not found");
        assertThat(folded.text()).isEqualTo("Requested action not taken: mailbox name not allowed");
        assertThat(single.text()).isEqualTo("Message of 552 lines too long");
    }

    @Test
    void postfix_log_form_in_parentheses_gives_the_code() {
        SmtpReply reply = ReplyParser.parse("(host mx.example.org[192.0.2.1] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))");

        assertThat(reply.code()).isEqualTo(452);
        assertThat(reply.status()).hasToString("4.2.2");
        assertThat(reply.reportedHost()).isEqualTo("mx.example.org");
    }

    @Test
    void a_host_that_said_something_in_free_text_is_not_the_postfix_form() {
        SmtpReply reply = ReplyParser.parse("the ghost host, they said: 550 no");

        assertThat(reply.hasCode()).isFalse();
        assertThat(reply.reportedHost()).isNull();
    }

    @Test
    void end_of_data_in_postfix_form_is_the_data_stage() {
        assertThat(ReplyParser.parse("550 spam (in reply to end of DATA command)").reportedStage())
                .isEqualTo(SmtpStage.DATA);
    }

    @Test
    void bare_text_has_no_code_and_no_status() {
        SmtpReply reply = ReplyParser.parse("Connection timed out");

        assertThat(reply.hasCode()).isFalse();
        assertThat(reply.status()).isNull();
        assertThat(reply.text()).isEqualTo("Connection timed out");
    }

    @Test
    void james_retry_text_is_kept_as_text() {
        SmtpReply reply = ReplyParser.parse("Too many retries failure. Bouncing after 5 retries.");

        assertThat(reply.hasCode()).isFalse();
        assertThat(reply.text()).startsWith("Too many retries failure");
    }

    @Test
    void qmail_status_in_parentheses_is_found() {
        assertThat(ReplyParser.parse("Sorry, no mailbox here by that name. (#5.1.1)").status()).hasToString("5.1.1");
    }

    @Test
    void ip_addresses_and_dotted_versions_are_not_status_codes() {
        assertThat(ReplyParser.parse("421 Messages from 192.0.2.25 deferred - 4.16.55.1").status()).isNull();
    }

    @Test
    void a_repeated_code_after_the_status_is_dropped() {
        assertThat(ReplyParser.parse("550 5.7.1 550 User Unknown: someone@example.org").text())
                .isEqualTo("User Unknown: someone@example.org");
    }

    @Test
    void null_empty_and_blank_give_an_empty_reply() {
        assertThat(ReplyParser.parse(null).isEmpty()).isTrue();
        assertThat(ReplyParser.parse("").isEmpty()).isTrue();
        assertThat(ReplyParser.parse(" \r\n\t ").isEmpty()).isTrue();
    }

    @Test
    void binary_input_gives_a_reply_without_throwing() {
        StringBuilder binary = new StringBuilder();
        for (int i = 0; i < 4096; i++) {
            binary.append((char) (i * 7919 % 65536));
        }
        SmtpReply reply = ReplyParser.parse(binary.toString());

        assertThat(reply).isNotNull();
    }

    @Test
    void a_megabyte_of_status_like_text_parses() {
        String huge = "5.5.5.".repeat(200_000);

        SmtpReply reply = ReplyParser.parse(huge);

        assertThat(reply.hasCode()).isFalse();
        assertThat(reply.text()).hasSize(huge.length());
    }

    @Test
    void format_then_parse_gives_back_the_same_reply() {
        SmtpReply original = SmtpReply.of(451, "4.7.1", "Greylisted", "try again later");

        SmtpReply reparsed = ReplyParser.parse(original.toWire());

        assertThat(reparsed.code()).isEqualTo(451);
        assertThat(reparsed.status()).isEqualTo(original.status());
        assertThat(reparsed.lines()).isEqualTo(original.lines());
        assertThat(original.toWire()).isEqualTo("451-4.7.1 Greylisted\r\n451 4.7.1 try again later\r\n");
    }

    @Test
    void stage_names_from_logs_and_configuration_are_read() {
        assertThat(SmtpStage.parse("RCPT TO")).contains(SmtpStage.RCPT);
        assertThat(SmtpStage.parse("helo")).contains(SmtpStage.EHLO);
        assertThat(SmtpStage.parse("MAIL FROM")).contains(SmtpStage.MAIL);
        assertThat(SmtpStage.parse("QUIT")).isEmpty();
        assertThat(SmtpStage.parse(null)).isEmpty();
    }

    @Test
    void the_reply_inside_a_java_mail_exception_is_read_without_the_wrappers_words() {
        SmtpReply reply = ReplyParser.parse("Failed messages: jakarta.mail.SendFailedException: Invalid Addresses;\n"
                + "  nested exception is:\n"
                + "\torg.eclipse.angus.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <nobody@example.com>: "
                + "Recipient address rejected: User unknown in local recipient table");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(reply.text()).isEqualTo("<nobody@example.com>: Recipient address rejected: User unknown in local recipient table");
        assertThat(reply.reportedStage()).isEqualTo(SmtpStage.RCPT);
    }

    @Test
    void a_java_mail_exception_names_the_stage_of_the_sender_and_of_the_recipient_only() {
        assertThat(ReplyParser.parse("com.sun.mail.smtp.SMTPSenderFailedException: 553 5.1.8 Sender address rejected").reportedStage())
                .isEqualTo(SmtpStage.MAIL);
        SmtpReply data = ReplyParser.parse("org.eclipse.angus.mail.smtp.SMTPSendFailedException: 554 5.7.1 Message rejected as spam");
        assertThat(data.code()).isEqualTo(554);
        assertThat(data.reportedStage()).isNull();
        assertThat(data.text()).isEqualTo("Message rejected as spam");
    }

    @Test
    void an_exception_word_that_is_no_class_name_or_has_no_code_after_it_is_text() {
        assertThat(ReplyParser.parse("MyException: 550 whatever").code()).isEqualTo(SmtpReply.NO_CODE);
        assertThat(ReplyParser.parse("a.b.SomeException: connection refused").text())
                .isEqualTo("a.b.SomeException: connection refused");
    }

    @Test
    void a_megabyte_of_exception_names_without_a_code_is_read_in_one_pass() {
        String text = "x.yException: 5x ".repeat(60_000) + "a.BException: 550 5.1.1 no such user";

        SmtpReply reply = ReplyParser.parse(text);

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.text()).isEqualTo("no such user");
    }

    private static final String SEND_FAILED_TRACE = "org.eclipse.angus.mail.smtp.SMTPSendFailedException: 550 5.7.1 Message refused\n"
            + "\tat org.eclipse.angus.mail.smtp.SMTPTransport.issueSendCommand(SMTPTransport.java:2395)\n"
            + "\tat com.example.newsletter.SpamCheckedCampaign.run(SpamCheckedCampaign.java:42)\n"
            + "\t... 12 more\n"
            + "\tSuppressed: java.lang.IllegalStateException: virus scanner closed\n"
            + "\t\tat com.example.newsletter.VirusScan.close(VirusScan.java:7)\n"
            + "Caused by: java.net.SocketException: Connection reset\n"
            + "\tat java.base/java.net.SocketInputStream.read(SocketInputStream.java:186)\n"
            + "\t... 3 more\n";

    @Test
    void a_stack_trace_after_the_exception_is_not_read_as_the_reply() {
        SmtpReply reply = ReplyParser.parse(SEND_FAILED_TRACE);

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).isEqualTo(EnhancedStatusCode.of("5.7.1"));
        assertThat(reply.text()).isEqualTo("Message refused");
        assertThat(reply.lines()).containsExactly("Message refused");
    }

    @Test
    void the_reply_ends_at_the_first_frame_frames_left_out_or_next_exception_whichever_comes_first() {
        String reply = "com.sun.mail.smtp.SMTPSendFailedException: 554-5.7.1 Message refused\n554 5.7.1 as spam\r\n";

        assertThat(ReplyParser.parse(reply + "    at com.example.Job.run(Job.java:1)\nlater").lines())
                .containsExactly("Message refused", "as spam");
        assertThat(ReplyParser.parse(reply + "\t... 1 common frames omitted\nlater").lines())
                .containsExactly("Message refused", "as spam");
        assertThat(ReplyParser.parse(reply + "Caused by: a.b.C\nlater").lines()).containsExactly("Message refused", "as spam");
        assertThat(ReplyParser.parse(reply + "  Suppressed: a.b.C\nlater").lines()).containsExactly("Message refused", "as spam");
        // not a trace: no white space before "at", no qualified name, no "("; words after "... N more"
        assertThat(ReplyParser.parse(reply + "at com.example.Job.run(Job.java:1)").lines()).hasSize(3);
        assertThat(ReplyParser.parse(reply + "\tat mx.example.org").lines()).hasSize(3);
        assertThat(ReplyParser.parse(reply + "\tat noon (UTC)").lines()).hasSize(3);
        assertThat(ReplyParser.parse(reply + "\t... 2 more tries").lines()).hasSize(3);
    }

    @Test
    void a_caused_by_line_can_hold_the_reply_and_the_trace_after_it_is_left_out() {
        SmtpReply reply = ReplyParser.parse("org.springframework.mail.MailSendException: Failed messages: "
                + "jakarta.mail.SendFailedException: Invalid Addresses;\n"
                + "\tat org.springframework.mail.javamail.JavaMailSenderImpl.doSend(JavaMailSenderImpl.java:460)\n"
                + "Caused by: org.eclipse.angus.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <nobody@example.com>: "
                + "Recipient address rejected: User unknown\n"
                + "\tat com.example.SpamCheckedSender.send(SpamCheckedSender.java:12)\n"
                + "\t... 4 more\n");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.status()).isEqualTo(EnhancedStatusCode.of("5.1.1"));
        assertThat(reply.text()).isEqualTo("<nobody@example.com>: Recipient address rejected: User unknown");
        assertThat(reply.reportedStage()).isEqualTo(SmtpStage.RCPT);
    }

    @Test
    void a_megabyte_of_trace_lines_after_the_reply_is_read_in_one_pass() {
        String text = "a.BException: 550 5.1.1 no such user" + "\n\tat x".repeat(100_000) + "\r\n\tat a.b.C.d(C.java:1)";

        assertThat(ReplyParser.parse(text).lines()).hasSize(100_001);
        assertThat(ReplyParser.parse("a.BException: 550 5.1.1 no such user\n\tat " + "a.".repeat(500_000)).lines()).hasSize(2);
        assertThat(ReplyParser.parse("a.BException: 550 5.1.1 no such user" + "\n".repeat(500_000)).text()).isEqualTo("no such user");
    }
}
