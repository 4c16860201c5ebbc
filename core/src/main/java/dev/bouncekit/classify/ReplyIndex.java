package dev.bouncekit.classify;

import dev.bouncekit.provider.ProviderDetector;
import dev.bouncekit.rules.RuleMatcher;
import dev.bouncekit.text.PhraseIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the classifier looks for in a reply text, in one automaton: the phrases of the rules,
 * those of the keyword fallbacks and the providers' text markers. One pass over the text answers
 * the three; each matcher reads the same scan. Immutable and thread-safe; the scan buffers are
 * per thread.
 */
final class ReplyIndex {

    private final PhraseIndex index;
    private final RuleMatcher rules;
    private final RuleMatcher keywords;
    /** Per phrase of {@link #index}: its number among the provider markers, or -1. */
    private final int[] markerOf;
    private final ThreadLocal<PhraseIndex.Matches> buffers;

    ReplyIndex(RuleMatcher rules, RuleMatcher keywords, ProviderDetector providers) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> phrases = new ArrayList<>();
        List<Boolean> keepAll = new ArrayList<>();
        int[] ruleIds = add(rules, ids, phrases, keepAll);
        int[] keywordIds = add(keywords, ids, phrases, keepAll);
        List<String> markers = providers.textMarkers();
        int[] markerIds = new int[markers.size()];
        for (int m = 0; m < markers.size(); m++) {
            markerIds[m] = id(markers.get(m), false, ids, phrases, keepAll);
        }
        index = PhraseIndex.withoutNames(phrases, keepAll::get);
        this.rules = rules.over(index, ruleIds);
        this.keywords = keywords.over(index, keywordIds);
        markerOf = new int[phrases.size()];
        Arrays.fill(markerOf, -1);
        for (int m = markers.size() - 1; m >= 0; m--) {
            markerOf[markerIds[m]] = m;
        }
        buffers = ThreadLocal.withInitial(index::newMatches);
    }

    private static int[] add(RuleMatcher matcher, Map<String, Integer> ids, List<String> phrases, List<Boolean> keepAll) {
        int[] out = new int[matcher.phrases().size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = id(matcher.phrases().get(p), matcher.keepsAllEnds(p), ids, phrases, keepAll);
        }
        return out;
    }

    private static int id(String phrase, boolean keepAllEnds, Map<String, Integer> ids, List<String> phrases,
                          List<Boolean> keepAll) {
        Integer id = ids.get(phrase);
        if (id == null) {
            id = phrases.size();
            ids.put(phrase, id);
            phrases.add(phrase);
            keepAll.add(keepAllEnds);
        } else if (keepAllEnds) {
            keepAll.set(id, true);
        }
        return id;
    }

    /**
     * Scans {@code text}, the local parts of its e-mail addresses and the leading labels of its host
     * names blanked ({@link PhraseIndex#scanWithoutNames}),
     * into this thread's buffer: valid until this thread's next scan.
     */
    PhraseIndex.Matches scan(String text) {
        return index.scanWithoutNames(text, buffers.get());
    }

    /** The rules, reading a {@link #scan}. */
    RuleMatcher rules() {
        return rules;
    }

    /** The keyword fallbacks, reading a {@link #scan}. */
    RuleMatcher keywords() {
        return keywords;
    }

    /** The lowest number among the provider markers of a marker {@code found} holds, or -1. */
    int firstMarker(PhraseIndex.Matches found) {
        int first = -1;
        for (int i = 0; i < found.count(); i++) {
            int m = markerOf[found.phrase(i)];
            if (m >= 0 && (first < 0 || m < first)) {
                first = m;
            }
        }
        return first;
    }
}
