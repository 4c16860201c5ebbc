package dev.bouncekit.rules;

import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetTest {

    private static RuleSet rules(String text) throws IOException {
        return RuleSet.parse("test.rules", new StringReader(text));
    }

    private static Optional<PhraseRule> match(RuleSet rules, String text, String provider, SmtpStage stage, String status) {
        EnhancedStatusCode code = status == null ? null : EnhancedStatusCode.of(status);
        return rules.compile().firstMatch(text, provider, stage,
                code == null ? 5 : code.statusClass(), code);
    }

    @Test
    void phrases_match_case_insensitively_with_white_space_folded() throws IOException {
        RuleSet set = rules("no such user => userunknown\n");

        assertThat(match(set, "550 NO   SUCH\tUser here", null, null, null)).map(PhraseRule::reason).contains(Reason.USERUNKNOWN);
    }

    @Test
    void ordered_phrases_must_occur_in_order() throws IOException {
        RuleSet set = rules("recipient ... rejected => userunknown\n");

        assertThat(match(set, "recipient address rejected", null, null, null)).isPresent();
        assertThat(match(set, "rejected recipient", null, null, null)).isEmpty();
    }

    @Test
    void the_earliest_rule_wins_whatever_the_text_order() throws IOException {
        RuleSet set = rules("mailbox full => mailboxfull\nuser unknown => userunknown\n");

        assertThat(match(set, "user unknown, mailbox full", null, null, null)).map(PhraseRule::reason).contains(Reason.MAILBOXFULL);
    }

    @Test
    void conditions_restrict_stage_class_status_and_provider() throws IOException {
        RuleSet set = rules("[gmail]\nfoo => suspend\n[any]\nbar => rejected stage=MAIL\nbaz => ratelimited class=4\n"
                + "qux => authfailure status=5.7.\nquux => blocked not-stage=DATA\n");

        assertThat(match(set, "foo", "gmail", null, null)).isPresent();
        assertThat(match(set, "foo", "yahoo", null, null)).isEmpty();
        assertThat(match(set, "bar", null, SmtpStage.MAIL, null)).isPresent();
        assertThat(match(set, "bar", null, null, null)).isEmpty();
        assertThat(match(set, "baz", null, null, "4.7.0")).isPresent();
        assertThat(match(set, "baz", null, null, "5.7.0")).isEmpty();
        assertThat(match(set, "qux", null, null, "5.7.26")).isPresent();
        assertThat(match(set, "qux", null, null, "5.1.1")).isEmpty();
        assertThat(match(set, "quux", null, SmtpStage.RCPT, null)).isPresent();
        assertThat(match(set, "quux", null, SmtpStage.DATA, null)).isEmpty();
    }

    @Test
    void a_code_condition_holds_for_that_basic_reply_code_only() throws IOException {
        RuleMatcher matcher = rules("rejected => userunknown code=542\nrejected ... spam => spamdetected class=5\n").compile();

        assertThat(matcher.firstMatch("<a@example.com> Rejected", null, null, 542, null)).map(PhraseRule::reason)
                .contains(Reason.USERUNKNOWN);
        assertThat(matcher.firstMatch("<a@example.com> Rejected", null, null, 550, null)).isEmpty();
        assertThat(matcher.firstMatch("<a@example.com> Rejected", null, null, 5, null))
                .as("a class alone, from the enhanced status code, is no reply code").isEmpty();
        assertThat(matcher.firstMatch("Rejected as spam", null, null, 554, null)).map(PhraseRule::reason)
                .as("class= reads the class of a basic code").contains(Reason.SPAMDETECTED);
        assertThat(matcher.firstMatch("Rejected as spam", null, null, 454, null)).isEmpty();
    }

    @Test
    void yields_names_the_keyword_families_a_rule_gives_way_to() throws IOException {
        RuleSet set = rules("giving up => expired yields=networkerror,mailboxfull\nuser unknown => userunknown\n");

        assertThat(set.rules().get(0).yieldsTo()).containsExactlyInAnyOrder(Reason.NETWORKERROR, Reason.MAILBOXFULL);
        assertThat(set.rules().get(1).yieldsTo()).isEmpty();
        assertThatThrownBy(() -> rules("x => expired yields=networkerror,nosuch\n"))
                .hasMessageContaining("test.rules:1").hasMessageContaining("unknown reason 'nosuch'");
    }

    @Test
    void overlapping_phrases_are_all_found() throws IOException {
        RuleSet set = rules("she sells => spamdetected\nhe sells sea => virusdetected\nsells => onhold\n");

        assertThat(match(set, "he sells sea shells", null, null, null)).map(PhraseRule::reason).contains(Reason.VIRUSDETECTED);
        assertThat(match(set, "ushe sells", null, null, null)).map(PhraseRule::reason).contains(Reason.SPAMDETECTED);
    }

    @Test
    void syntax_errors_name_the_line_and_what_is_accepted() {
        assertThatThrownBy(() -> rules("# ok\nno arrow here\n")).hasMessageContaining("test.rules:2").hasMessageContaining("=>");
        assertThatThrownBy(() -> rules("x => nosuchreason\n")).hasMessageContaining("unknown reason 'nosuchreason'")
                .hasMessageContaining("userunknown");
        assertThatThrownBy(() -> rules("x => userunknown stage=LUNCH\n")).hasMessageContaining("unknown stage 'LUNCH'");
        assertThatThrownBy(() -> rules("x => userunknown color=red\n")).hasMessageContaining("unknown condition 'color'");
        assertThatThrownBy(() -> rules("x => userunknown status=9.9\n")).hasMessageContaining("status '9.9'");
        assertThatThrownBy(() -> rules("x => userunknown status=nothing\n")).hasMessageContaining("status 'nothing'");
        assertThatThrownBy(() -> rules("x => userunknown code=5.1.1\n")).hasMessageContaining("code must be a reply code");
        assertThatThrownBy(() -> rules("x => userunknown code=999\n")).hasMessageContaining("'999'");
        assertThatThrownBy(() -> rules(" ... => userunknown\n")).hasMessageContaining("empty phrase");
    }

    @Test
    void a_file_saved_with_a_byte_order_mark_reads_as_without_it(@TempDir Path dir) throws IOException {
        Path rule = dir.resolve("rule.rules");
        Path comment = dir.resolve("comment.rules");
        Path section = dir.resolve("section.rules");
        Files.write(rule, ("\uFEFFfrobnicated widget => mailboxfull\n").getBytes(StandardCharsets.UTF_8));
        Files.write(comment, ("\uFEFF# my rules\nfrobnicated widget => mailboxfull\n").getBytes(StandardCharsets.UTF_8));
        Files.write(section, ("\uFEFF[gmail]\nfrobnicated widget => mailboxfull\n").getBytes(StandardCharsets.UTF_8));

        assertThat(RuleSet.read(rule).rules()).singleElement().extracting(r -> r.phrases())
                .isEqualTo(List.of("frobnicated widget"));
        assertThat(match(RuleSet.read(rule), "550 frobnicated widget", null, null, null)).map(PhraseRule::reason)
                .contains(Reason.MAILBOXFULL);
        assertThat(RuleSet.read(comment).rules()).hasSize(1);
        assertThat(RuleSet.read(section).rules()).singleElement().extracting(PhraseRule::provider).isEqualTo("gmail");
    }

    @Test
    void built_in_rules_load_and_compile() {
        assertThat(RuleSet.builtIn().rules()).hasSizeGreaterThan(300);
        assertThat(RuleSet.builtIn().compile().rules()).hasSameSizeAs(RuleSet.builtIn().rules());
    }

    @Test
    void every_lexicon_file_of_the_built_in_rules_is_read() throws IOException, URISyntaxException {
        Path directory = Path.of(RuleSet.class.getResource("/dev/bouncekit/rules/generic.rules").toURI()).getParent();
        Set<String> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("lexicon-") && name.endsWith(".rules"))
                    .collect(Collectors.toSet());
        }
        Set<String> read = RuleSet.builtIn().rules().stream()
                .map(rule -> rule.source().substring(0, rule.source().lastIndexOf(':')))
                .collect(Collectors.toSet());

        assertThat(files).hasSizeGreaterThan(30);
        assertThat(read).containsAll(files);
    }
}
