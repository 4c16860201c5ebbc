package dev.bouncekit.rules;

import dev.bouncekit.taxonomy.Reason;
import dev.bouncekit.text.NaiveText;
import dev.bouncekit.text.PhraseIndex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RuleMatcher} against a naive in-order search over the normalized text, rule by rule. */
class RuleMatcherProperties {

    private static final char[] TEXT_ALPHABET = {'a', 'b', 'c', 'a', 'b', 'c', ' ', '\t', '\n', 'A', 'B', 'C', '-', '1', '\u00e9'};
    private static final char[] PHRASE_ALPHABET = {'a', 'b', 'c', 'a', 'b', ' ', 'A', '1'};

    /** A generated rule: its phrases and the provider section it is written in (null for any). */
    record Written(List<String> phrases, String provider) {
        String line() {
            return String.join(" ... ", phrases) + " => userunknown";
        }
    }

    @Property(tries = 1000)
    void picks_the_rule_a_naive_in_order_search_picks(@ForAll("ruleLists") List<Written> written, @ForAll("texts") String text,
                                                      @ForAll("providers") String provider) throws IOException {
        RuleSet set = parse(written);
        Optional<PhraseRule> expected = naiveFirst(set, written, text, provider, rule -> true);

        Optional<PhraseRule> actual = set.compile().firstMatch(text, provider, null, 5, null);

        assertThat(actual.map(PhraseRule::source)).as("text '%s'", text).isEqualTo(expected.map(PhraseRule::source));
    }

    @Property(tries = 500)
    void one_scan_answers_for_every_provider_and_predicate(@ForAll("ruleLists") List<Written> written, @ForAll("texts") String text,
                                                           @ForAll("lineSets") Set<Integer> refused) throws IOException {
        RuleSet set = parse(written);
        Predicate<PhraseRule> accept = rule -> !refused.contains(index(rule));
        RuleMatcher.Scan scan = set.compile().scan(text);

        for (String provider : new String[] {null, "gmail", "yahoo"}) {
            assertThat(scan.first(provider, null, 5, null).map(PhraseRule::source))
                    .isEqualTo(naiveFirst(set, written, text, provider, rule -> true).map(PhraseRule::source));
            assertThat(scan.first(provider, null, 5, null, accept).map(PhraseRule::source))
                    .isEqualTo(naiveFirst(set, written, text, provider, accept).map(PhraseRule::source));
        }
    }

    @Property(tries = 500)
    void a_mask_of_reasons_takes_the_rules_the_same_predicate_takes(@ForAll("ruleLists") List<Written> written,
                                                                    @ForAll("texts") String text, @ForAll("providers") String provider,
                                                                    @ForAll("reasonSets") Set<Reason> reasons,
                                                                    @ForAll("lineSets") Set<Integer> excepted) throws IOException {
        StringBuilder file = new StringBuilder();
        for (int k = 0; k < written.size(); k++) {
            Written w = written.get(k);
            file.append('[').append(w.provider() == null ? "any" : w.provider()).append("]\n")
                    .append(String.join(" ... ", w.phrases())).append(" => ").append(REASONS[k % REASONS.length].name().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        RuleMatcher own = RuleSet.parse("p.rules", new StringReader(file.toString())).compile();
        PhraseIndex index = new PhraseIndex(own.phrases(), own::keepsAllEnds);
        RuleMatcher matcher = own.over(index, IntStream.range(0, own.phrases().size()).toArray());
        PhraseIndex.Matches found = index.scan(text);
        PhraseRule except = excepted.isEmpty() ? null
                : matcher.rules().get(Math.min(excepted.iterator().next(), matcher.rules().size() - 1));

        assertThat(matcher.firstIndex(found, provider, null, 5, null, RuleMatcher.reasons(reasons), except))
                .isEqualTo(matcher.firstIndex(found, provider, null, 5, null, r -> r != except && reasons.contains(r.reason())));
        assertThat(matcher.firstIndex(found, provider, null, 5, null, RuleMatcher.ANY_REASON, except))
                .isEqualTo(matcher.firstIndex(found, provider, null, 5, null, r -> r != except));
    }

    private static final Reason[] REASONS = {Reason.USERUNKNOWN, Reason.MAILBOXFULL, Reason.BLOCKED, Reason.SPAMDETECTED};

    @Provide
    Arbitrary<Set<Reason>> reasonSets() {
        return Arbitraries.of(REASONS).set().ofMaxSize(3);
    }

    /** The naive reference: rule by rule, each phrase searched from just after where the previous one ended. */
    private static Optional<PhraseRule> naiveFirst(RuleSet set, List<Written> written, String text, String provider,
                                                   Predicate<PhraseRule> accept) {
        NaiveText naive = new NaiveText(text);
        for (PhraseRule rule : set.rules()) {
            Written w = written.get(index(rule));
            assertThat(rule.provider()).isEqualTo(w.provider());
            if (w.provider() != null && !w.provider().equals(provider)) {
                continue;
            }
            int previousEnd = -1;
            boolean all = true;
            for (String phrase : rule.phrases()) {
                List<Integer> ends = naive.ends(phrase, previousEnd + 1);
                if (ends.isEmpty()) {
                    all = false;
                    break;
                }
                previousEnd = ends.get(0);
            }
            if (all && accept.test(rule)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Each rule after its own section line: rule {@code k} (from 0) is on line {@code 2k + 2}. */
    private static RuleSet parse(List<Written> written) throws IOException {
        StringBuilder file = new StringBuilder();
        for (Written w : written) {
            file.append('[').append(w.provider() == null ? "any" : w.provider()).append("]\n").append(w.line()).append('\n');
        }
        return RuleSet.parse("p.rules", new StringReader(file.toString()));
    }

    /** The position of {@code rule} in the generated list. */
    private static int index(PhraseRule rule) {
        return Integer.parseInt(rule.source().substring(rule.source().indexOf(':') + 1)) / 2 - 1;
    }

    @Provide
    Arbitrary<List<Written>> ruleLists() {
        Arbitrary<String> phrase = Arbitraries.of(PHRASE_ALPHABET).list().ofMinSize(1).ofMaxSize(4)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat))
                .filter(s -> !s.isBlank());
        Arbitrary<Boolean> edge = Arbitraries.of(false, false, false, true);
        Arbitrary<String> part = Combinators.combine(edge, phrase, edge).as((leading, body, trailing) ->
                (leading ? "\\b" : "") + body.strip() + (trailing ? "\\b" : ""));
        Arbitrary<String> provider = Arbitraries.of("gmail", "yahoo").injectNull(0.6);
        return Combinators.combine(part.list().ofMinSize(1).ofMaxSize(4), provider).as(Written::new)
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(TEXT_ALPHABET).list().ofMaxSize(40)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Provide
    Arbitrary<String> providers() {
        return Arbitraries.of("gmail", "yahoo").injectNull(0.5);
    }

    @Provide
    Arbitrary<Set<Integer>> lineSets() {
        return Arbitraries.integers().between(0, 11).set().ofMaxSize(6);
    }
}
