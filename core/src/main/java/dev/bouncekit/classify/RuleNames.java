package dev.bouncekit.classify;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.rules.PhraseRule;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Reason;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the deciding rules ({@link Classification#rule()}), made once rather than on every
 * classification: {@code phrase:generic.rules:12}, {@code catalog:gmail/user-unknown},
 * {@code status:5.1.1}, {@code keyword:keywords.rules:3}, {@code fallback:onhold}.
 */
final class RuleNames {

    private final String[] phrases;
    private final String[] causes;
    private final String[] keywords;
    private final String[] fallbacks;
    private final Map<CatalogEntry, String> catalog = new IdentityHashMap<>();
    /** {@code status:C.S.D} by class (2, 4, 5), subject and detail; filled on first use. */
    private final String[] statuses = new String[3 * 8 * 1000];

    RuleNames(List<PhraseRule> phraseRules, List<PhraseRule> keywordRules, Catalog entries) {
        phrases = new String[phraseRules.size()];
        causes = new String[phraseRules.size()];
        for (int r = 0; r < phrases.length; r++) {
            phrases[r] = "phrase:" + phraseRules.get(r).source();
            causes[r] = phrases[r] + "+cause";
        }
        keywords = new String[keywordRules.size()];
        for (int r = 0; r < keywords.length; r++) {
            keywords[r] = "keyword:" + keywordRules.get(r).source();
        }
        fallbacks = new String[Reason.values().length];
        for (Reason reason : Reason.values()) {
            fallbacks[reason.ordinal()] = "fallback:" + reason.id();
        }
        for (CatalogEntry entry : entries.entries()) {
            catalog.put(entry, "catalog:" + entry.id());
        }
    }

    /** Phrase rule {@code r} decided. */
    String phrase(int r) {
        return phrases[r];
    }

    /** Phrase rule {@code r} decided as the cause of another's symptom. */
    String cause(int r) {
        return causes[r];
    }

    /** Keyword rule {@code r} decided. */
    String keyword(int r) {
        return keywords[r];
    }

    /** A fallback decided. */
    String fallback(Reason reason) {
        return fallbacks[reason.ordinal()];
    }

    /** The catalog entry decided. */
    String catalog(CatalogEntry entry) {
        String name = catalog.get(entry);
        return name != null ? name : "catalog:" + entry.id();
    }

    /** The registry meaning of the status code decided. */
    String status(EnhancedStatusCode status) {
        int slot = ((status.statusClass() == 2 ? 0 : status.statusClass() == 4 ? 1 : 2) * 8 + status.subject()) * 1000
                + status.detail();
        String name = statuses[slot];
        if (name == null) {
            name = "status:" + status;
            statuses[slot] = name;
        }
        return name;
    }
}
