package dev.bouncekit.rules;

import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleMatcherTest {

    private static RuleMatcher compile(String rules) throws IOException {
        return RuleSet.parse("test.rules", new StringReader(rules)).compile();
    }

    private static Optional<Reason> reason(RuleMatcher matcher, String text) {
        return matcher.firstMatch(text, null, null, 5, null).map(PhraseRule::reason);
    }

    @Test
    void overlapping_parts_do_not_match() throws IOException {
        RuleMatcher matcher = compile("ab ... bc => userunknown\n");

        assertThat(reason(matcher, "abc")).isEmpty();
        assertThat(reason(matcher, "xabcx")).isEmpty();
        assertThat(reason(matcher, "abbc")).contains(Reason.USERUNKNOWN);
        assertThat(reason(matcher, "AB  bc")).contains(Reason.USERUNKNOWN);
    }

    @Test
    void three_parts_match_in_any_text_where_an_order_exists() throws IOException {
        RuleMatcher matcher = compile("a ... b ... c => userunknown\n");

        assertThat(reason(matcher, "b a b c b")).contains(Reason.USERUNKNOWN);
        assertThat(reason(matcher, "c b a c b")).isEmpty();
        assertThat(reason(matcher, "b a c b")).isEmpty();
    }

    @Test
    void a_part_may_start_right_after_the_previous_one_ends() throws IOException {
        RuleMatcher matcher = compile("user ... unknown => userunknown\nno ... such ... user => mailboxfull\n");

        assertThat(reason(matcher, "userunknown")).contains(Reason.USERUNKNOWN);
        assertThat(reason(matcher, "nosuchuser")).contains(Reason.MAILBOXFULL);
        assertThat(reason(matcher, "nosuchuse")).isEmpty();
    }

    @Test
    void a_later_part_takes_a_later_occurrence_of_a_repeated_phrase() throws IOException {
        RuleMatcher matcher = compile("rejected ... user ... rejected => userunknown\n");

        assertThat(reason(matcher, "rejected rejected user")).isEmpty();
        assertThat(reason(matcher, "rejected user rejected")).contains(Reason.USERUNKNOWN);
        assertThat(reason(matcher, "user rejected user user rejected user")).contains(Reason.USERUNKNOWN);
    }

    @Test
    void word_boundaries_need_no_letter_or_digit_next_to_the_phrase() throws IOException {
        RuleMatcher matcher = compile("\\bspam\\b => spamdetected\n\\bdkim => authfailure\ntls\\b => securityerror\n");

        assertThat(reason(matcher, "spam")).contains(Reason.SPAMDETECTED);
        assertThat(reason(matcher, "550 SPAM!")).contains(Reason.SPAMDETECTED);
        assertThat(reason(matcher, "(spam)")).contains(Reason.SPAMDETECTED);
        assertThat(reason(matcher, "antispam\tspam_filter")).contains(Reason.SPAMDETECTED);
        assertThat(reason(matcher, "antispam")).isEmpty();
        assertThat(reason(matcher, "spammer")).isEmpty();
        assertThat(reason(matcher, "spam1")).isEmpty();
        assertThat(reason(matcher, "\u00e9spam")).as("a non-ASCII letter is a letter").isEmpty();
        assertThat(reason(matcher, "\ud835\udc00spam")).as("so is a letter outside the BMP").isEmpty();

        assertThat(reason(matcher, "dkim=fail")).contains(Reason.AUTHFAILURE);
        assertThat(reason(matcher, "DKIMsig invalid")).contains(Reason.AUTHFAILURE);
        assertThat(reason(matcher, "nodkim")).isEmpty();

        assertThat(reason(matcher, "starttls")).contains(Reason.SECURITYERROR);
        assertThat(reason(matcher, "tlsv1")).isEmpty();
    }

    @Test
    void word_boundaries_hold_in_every_part_of_a_rule() throws IOException {
        RuleMatcher matcher = compile("\\brbl\\b ... \\blisted => blocked\n");

        assertThat(reason(matcher, "RBL: host is listed")).contains(Reason.BLOCKED);
        assertThat(reason(matcher, "rbl: host is unlisted")).isEmpty();
        assertThat(reason(matcher, "sorbl: host is listed")).isEmpty();
        assertThat(reason(matcher, "sorbl: rbl unlisted, rbl listed")).contains(Reason.BLOCKED);
    }

    @Test
    void one_scan_answers_several_questions() throws IOException {
        RuleMatcher matcher = compile("[gmail]\nquota ... exceeded => mailboxfull\n[any]\nquota => ratelimited class=4\n"
                + "exceeded => emailtoolarge status=5.3.\nquota => onhold\n");
        RuleMatcher.Scan scan = matcher.scan("Quota exceeded");

        assertThat(scan.first("gmail", null, 5, null).map(PhraseRule::reason)).contains(Reason.MAILBOXFULL);
        assertThat(scan.first(null, null, 4, null).map(PhraseRule::reason)).contains(Reason.RATELIMITED);
        assertThat(scan.first(null, SmtpStage.DATA, 5, EnhancedStatusCode.of("5.3.4")).map(PhraseRule::reason))
                .contains(Reason.EMAILTOOLARGE);
        assertThat(scan.first(null, null, 5, null).map(PhraseRule::reason)).contains(Reason.ONHOLD);
        assertThat(scan.first("gmail", null, 5, null, rule -> rule.provider() == null).map(PhraseRule::reason))
                .contains(Reason.ONHOLD);
        assertThat(scan.first("gmail", null, 5, null, rule -> false)).isEmpty();
        assertThat(matcher.firstMatch("Quota exceeded", "gmail", null, 5, null)).isEqualTo(scan.first("gmail", null, 5, null));
    }

    @Test
    void threads_that_first_use_a_matcher_at_once_share_one_index_and_agree() throws Exception {
        // The matcher's own index is built on first use; threads racing to it must all read a whole one.
        for (int attempt = 0; attempt < 20; attempt++) {
            RuleMatcher matcher = compile("quota ... exceeded => mailboxfull\nuser unknown => userunknown\n");
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Optional<Reason>>>> answers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean scanFirst = t % 2 == 0;
                    answers.add(pool.submit(() -> {
                        start.await();
                        Optional<Reason> first = scanFirst
                                ? matcher.scan("550 user unknown").first(null, null, 5, null).map(PhraseRule::reason)
                                : reason(matcher, "550 user unknown");
                        return List.of(first, reason(matcher, "Quota for this user exceeded"), reason(matcher, "ok"));
                    }));
                }
                for (Future<List<Optional<Reason>>> answer : answers) {
                    assertThat(answer.get()).containsExactly(Optional.of(Reason.USERUNKNOWN), Optional.of(Reason.MAILBOXFULL),
                            Optional.empty());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void status_none_is_a_reply_without_an_enhanced_code() throws IOException {
        RuleMatcher matcher = compile("address rejected => userunknown status=none,5.1.\n");
        RuleMatcher.Scan scan = matcher.scan("550 Address rejected");

        assertThat(scan.first(null, SmtpStage.RCPT, 550, null).map(PhraseRule::reason)).contains(Reason.USERUNKNOWN);
        assertThat(scan.first(null, SmtpStage.RCPT, 550, EnhancedStatusCode.of("5.1.0")).map(PhraseRule::reason))
                .contains(Reason.USERUNKNOWN);
        assertThat(scan.first(null, SmtpStage.RCPT, 550, EnhancedStatusCode.of("5.7.1"))).isEmpty();
    }

    @Test
    void a_megabyte_of_repeated_parts_and_near_misses_is_matched() throws IOException {
        RuleMatcher matcher = compile("aaaa ... aaab => userunknown\n"
                + "\\baa ... aa\\b ... \\baa => mailboxfull\n"
                + "a ... aa ... aaa ... aaaa => suspend\n");
        String text = "a".repeat(1 << 20);

        assertThat(reason(matcher, text)).contains(Reason.SUSPEND);
        assertThat(reason(matcher, text + "\nb\naaab")).contains(Reason.USERUNKNOWN);
        assertThat(reason(matcher, "aa " + text)).contains(Reason.SUSPEND);
        assertThat(reason(matcher, "aa " + text + " aa")).contains(Reason.MAILBOXFULL);
        assertThat(reason(matcher, "aa " + "a".repeat(9))).contains(Reason.SUSPEND);
        assertThat(reason(matcher, "aa " + "a".repeat(8))).isEmpty();
    }

    @Test
    void an_empty_text_or_rule_set_matches_nothing() throws IOException {
        assertThat(compile("x => userunknown\n").scan("").first(null, null, 5, null)).isEmpty();
        assertThat(RuleSet.empty().compile().scan("x").first(null, null, 5, null, rule -> true)).isEmpty();
    }

    @Test
    void misplaced_word_boundaries_are_syntax_errors_naming_the_line() {
        assertThatThrownBy(() -> compile("# ok\nno\\bsuch user => userunknown\n"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("test.rules:2").hasMessageContaining("\\b");
        assertThatThrownBy(() -> compile("\\b spam => spamdetected\n"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("test.rules:1").hasMessageContaining("\\b");
        assertThatThrownBy(() -> compile("spam \\b => spamdetected\n"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("test.rules:1");
        assertThatThrownBy(() -> compile("\n\n\\Bspam => spamdetected\n"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("test.rules:3");
        assertThatThrownBy(() -> compile("spam ... \\b\\b => spamdetected\n"))
                .isInstanceOf(RuleSyntaxException.class).hasMessageContaining("empty phrase");
    }

    @Test
    void word_boundary_markers_stay_on_the_rule_phrases() throws IOException {
        RuleMatcher matcher = compile("  \\bSPAM\\b ... \\bRBL   =>  spamdetected\n");

        assertThat(matcher.rules().get(0).phrases()).containsExactly("\\bspam\\b", "\\brbl");
    }
}
