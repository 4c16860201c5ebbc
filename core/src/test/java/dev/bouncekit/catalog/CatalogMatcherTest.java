package dev.bouncekit.catalog;

import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogMatcherTest {

    private final Catalog catalog = Catalog.builtIn();
    private final CatalogMatcher matcher = new CatalogMatcher(catalog);

    @Test
    void every_entry_is_found_as_it_is_sent() {
        for (CatalogEntry entry : catalog.entries()) {
            CatalogEntry found = matcher.find(entry.reply()).orElseThrow();
            assertThat(CatalogMatcher.signature(found.reply())).as(entry.id())
                    .isEqualTo(CatalogMatcher.signature(entry.reply()));
        }
    }

    @Test
    void addresses_ip_addresses_tokens_case_and_spacing_do_not_matter() {
        SmtpReply reply = ReplyParser.parse("550-5.1.1 THE EMAIL ACCOUNT that you tried to reach does not exist. Please try\r\n"
                + "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
                + "550-5.1.1 unnecessary   spaces. Learn more at\r\n"
                + "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1b2c3d4e5f6-0123456789abcdef.42 - gsmtp");

        assertThat(matcher.find(reply)).map(CatalogEntry::id).contains("gmail/user-unknown");
    }

    @Test
    void every_entry_is_found_as_a_postfix_bounce_quotes_it_with_its_stage() {
        for (CatalogEntry entry : catalog.entries()) {
            if (String.join(" ", entry.lines()).contains(" said: ")) {
                continue;  // a reply that quotes another host's reply itself: which "said:" is the outer one is a guess
            }
            String quoted = "<someone@example.net>: host mx.example.net[203.0.113.9] said: "
                    + String.join(" ", entry.lines())
                    + " (in reply to end of DATA command))";
            CatalogEntry found = matcher.find(ReplyParser.parse(quoted)).orElseThrow(() -> new AssertionError(entry.id() + ": " + quoted));
            assertThat(CatalogMatcher.signature(found.reply())).as(entry.id())
                    .isEqualTo(CatalogMatcher.signature(entry.reply()));
        }
    }

    @Test
    void an_entrys_own_text_is_a_verbatim_match_and_the_same_length_with_another_letter_is_not() {
        for (CatalogEntry entry : catalog.entries()) {
            SmtpReply reply = entry.reply();
            int match = matcher.match(reply, reply.text());
            assertThat(match).as(entry.id()).isNotEqualTo(CatalogMatcher.NO_MATCH);
            assertThat(CatalogMatcher.isVerbatim(match)).as(entry.id())
                    .isEqualTo(reply.text().equals(matcher.entry(match).reply().text()));
            String text = reply.text();
            int last = text.length() - 1;
            if (last < 0 || !Character.isLetter(text.charAt(last))) {
                continue;
            }
            String other = text.substring(0, last) + (text.charAt(last) == 'q' ? 'z' : 'q');
            int changed = matcher.match(ReplyParser.parse(entry.wire().replace(text, other)), other);
            assertThat(changed == CatalogMatcher.NO_MATCH || !CatalogMatcher.isVerbatim(changed)).as(entry.id()).isTrue();
        }
    }

    @Test
    void a_stage_report_is_read_only_at_the_end_of_the_text() {
        assertThat(CatalogMatcher.endOfWording("550 unknown user (in reply to RCPT TO command)")).isEqualTo("550 unknown user".length());
        assertThat(CatalogMatcher.endOfWording("550 unknown user (in reply to RCPT TO command) and more")).isEqualTo(
                "550 unknown user (in reply to RCPT TO command) and more".length());
        assertThat(CatalogMatcher.endOfWording("(in reply to RCPT TO command)")).isZero();
        assertThat(CatalogMatcher.endOfWording("a command")).isEqualTo("a command".length());
        assertThat(CatalogMatcher.endOfWording("")).isZero();
    }

    @Test
    void an_address_stands_for_any_address_but_what_is_glued_to_it_counts() {
        assertThat(matcher.find(ReplyParser.parse("550 permanent failure for one or more recipients (k.ito@example.org:blocked)")))
                .map(CatalogEntry::id).contains("barracuda/blocked");
        assertThat(matcher.find(ReplyParser.parse("550 permanent failure for one or more recipients (k.ito@example.org:virus)")))
                .isEmpty();
        assertThat(matcher.find(ReplyParser.parse("550 permanent failure for one or more recipients (K.Ito@Mail.Example.ORG:BLOCKED)")))
                .map(CatalogEntry::id).contains("barracuda/blocked");
    }

    @Test
    void other_words_another_code_or_another_status_are_no_entry() {
        assertThat(matcher.find(ReplyParser.parse("550 5.1.1 The email account that you tried to reach is somewhere else"))).isEmpty();
        assertThat(matcher.find(ReplyParser.parse("450 4.2.1 The email account that you tried to reach does not exist."))).isEmpty();
    }

    @Test
    void only_long_replies_name_their_provider() {
        assertThat(CatalogMatcher.isDistinctive(catalog.byId("gmail/user-unknown").orElseThrow())).isTrue();
        assertThat(CatalogMatcher.isDistinctive(catalog.byId("generic/user-unknown").orElseThrow())).isFalse();
    }

    @Test
    void rfc_5321s_own_reply_text_is_the_generic_entry_whoever_words_it() {
        assertThat(matcher.find(ReplyParser.parse("550 Requested action not taken: mailbox unavailable")))
                .map(CatalogEntry::id).contains("generic/requested-action-not-taken");
        // web.de sends the RFC's text after the recipient's address; the address stands for any, the text is the RFC's
        assertThat(matcher.find(catalog.byId("webde/mailbox-unavailable").orElseThrow().reply()))
                .map(CatalogEntry::id).contains("generic/requested-action-not-taken");
    }
}
