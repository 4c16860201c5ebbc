package dev.bouncekit.classify;

import dev.bouncekit.provider.Provider;
import dev.bouncekit.provider.ProviderDetector;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.rules.PhraseRule;
import dev.bouncekit.rules.RuleMatcher;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.text.HostNameLabels;
import dev.bouncekit.text.PhraseIndex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one automaton of {@link ReplyIndex} against each matcher on its own: for texts made of the
 * built-in phrases and provider markers (cut, upper-cased, run together, spaced out), the same
 * first rule, the same first keyword and the same provider as the rules, the keywords and the
 * provider detector find alone.
 */
class ReplyIndexProperties {

    private static final RuleMatcher RULES = RuleSet.builtIn().compile();
    private static final RuleMatcher KEYWORDS = RuleSet.builtInKeywords().compile();
    private static final ProviderDetector PROVIDERS = ProviderDetector.builtIn();
    private static final ReplyIndex INDEX = new ReplyIndex(RULES, KEYWORDS, PROVIDERS);
    private static final List<String> PIECES = pieces();

    @Property(tries = 1000)
    void one_scan_answers_as_each_matcher_alone(@ForAll("texts") String text, @ForAll("stages") SmtpStage stage) {
        EnhancedStatusCode status = EnhancedStatusCode.find(text).orElse(null);
        int replyClass = status == null ? 0 : status.statusClass();
        Optional<Provider> alone = PROVIDERS.detect(text, null, null);
        String provider = alone.map(Provider::id).orElse(null);
        PhraseIndex.Matches found = INDEX.scan(text);

        assertThat(PROVIDERS.detect(INDEX.firstMarker(found), text, null, null)).isEqualTo(alone);
        assertThat(first(INDEX.rules(), found, provider, stage, replyClass, status))
                .isEqualTo(RULES.firstMatch(text, provider, stage, replyClass, status));
        assertThat(first(INDEX.keywords(), found, provider, stage, replyClass, status))
                .isEqualTo(KEYWORDS.firstMatch(text, provider, stage, replyClass, status));
    }

    private static Optional<PhraseRule> first(RuleMatcher matcher, PhraseIndex.Matches found, String provider,
                                              SmtpStage stage, int replyClass, EnhancedStatusCode status) {
        int at = matcher.scan(found).firstIndex(provider, stage, replyClass, status, rule -> true);
        return at < 0 ? Optional.empty() : Optional.of(matcher.rules().get(at));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of(PIECES).flatMap(p -> Arbitraries.integers().between(0, 4).map(mode -> switch (mode) {
            case 0 -> p.toUpperCase(Locale.ROOT);
            case 1 -> p.length() > 2 ? p.substring(p.length() / 2) : p;
            case 2 -> p.replace(" ", "  \n ");
            default -> p;
        }));
        Arbitrary<String> glue = Arbitraries.of(" ", "", "  ", "\n", "-", "x", ". ", "5.7.1 ", "550 ");
        return piece.list().ofMinSize(1).ofMaxSize(6).flatMap(parts -> glue.list().ofSize(parts.size()).map(glues -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                out.append(parts.get(i)).append(glues.get(i));
            }
            return out.toString();
        }));
    }

    @Provide
    Arbitrary<SmtpStage> stages() {
        return Arbitraries.of(SmtpStage.values()).injectNull(0.3);
    }

    /**
     * No built-in phrase starts with the labels {@link HostNameLabels} blanks: such a phrase would
     * start with a run of {@code x}, and every blanked address or host of a text would walk it. A
     * phrase names such a host from its registered domain on ({@code google.com/mail/?p=}, not
     * {@code support.google.com/mail/?p=}), or after words of its own ({@code ://delist.messaging...}).
     */
    @Test
    void no_built_in_phrase_starts_with_a_hosts_blanked_labels() {
        List<String> starting = new ArrayList<>();
        for (String phrase : allPhrases()) {
            String blanked = HostNameLabels.blank(phrase);
            int d = 0;
            while (d < phrase.length() && d < blanked.length() && phrase.charAt(d) == blanked.charAt(d)) {
                d++;
            }
            if (d < blanked.length() && blanked.substring(0, d).replace("\\b", "").replace(".", "").isEmpty()) {
                starting.add(phrase);
            }
        }

        assertThat(starting).isEmpty();
    }

    private static List<String> allPhrases() {
        List<String> out = new ArrayList<>(RULES.phrases());
        out.addAll(KEYWORDS.phrases());
        out.addAll(PROVIDERS.textMarkers());
        return out;
    }

    private static List<String> pieces() {
        List<String> out = new ArrayList<>();
        for (RuleMatcher matcher : List.of(RULES, KEYWORDS)) {
            for (String phrase : matcher.phrases()) {
                out.add(phrase.replace("\\b", ""));
            }
        }
        for (String marker : PROVIDERS.textMarkers()) {
            out.add(marker.replace("\\h", ""));
        }
        return out;
    }
}
