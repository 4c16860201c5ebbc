package dev.bouncekit.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWordingTest {

    private final ReportWording reports = ReportWording.builtIn();

    @Test
    void a_lead_in_without_a_quoted_reply_is_a_report_in_its_own_words() {
        assertThat(reports.isOwnReport("The following address(es) failed: a@example.org user not found")).isTrue();
        assertThat(reports.isOwnReport("Your message to a@example.org couldn't be delivered. a wasn't found")).isTrue();
        assertThat(reports.isOwnReport("MAILDROP: Invalid user specified.")).isTrue();
        assertThat(reports.isOwnReport("<a@example.org>: unknown user: \"a\"")).isTrue();
    }

    @Test
    void a_text_without_a_lead_in_is_not() {
        assertThat(reports.isOwnReport("User unknown")).isFalse();
        assertThat(reports.isOwnReport("This user doesn't have an account (a@example.org)")).isFalse();
        assertThat(reports.isOwnReport("")).isFalse();
    }

    @Test
    void a_quoted_reply_code_or_status_makes_it_a_servers_answer() {
        assertThat(reports.isOwnReport("The following address(es) failed: a@example.org said: 550 user unknown")).isFalse();
        assertThat(reports.isOwnReport("Delivery has failed to these recipients: smtp;550-user unknown")).isFalse();
        assertThat(reports.isOwnReport("The following address(es) failed: user unknown (#5.1.1)")).isFalse();
        assertThat(reports.isOwnReport("<a@example.org>: 192.0.2.71 failed after I sent the message. Remote host said: 550 No")).isFalse();
    }

    @Test
    void numbers_that_are_no_reply_stay_out_of_the_way() {
        assertThat(ReportWording.quotesReply("host 192.0.2.71 and 10.4.5.6, message 2880 minutes, id 1rAbCd-000Xyz-9Q")).isFalse();
        assertThat(ReportWording.quotesReply("returned 69, code D101, version 4.25")).isFalse();
        assertThat(ReportWording.quotesReply("said: 451 try later")).isTrue();
        assertThat(ReportWording.quotesReply("status 5.1.1")).isTrue();
    }
}
