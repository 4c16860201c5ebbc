package dev.bouncekit.rules;

import dev.bouncekit.rules.WordForms.Edges;
import dev.bouncekit.rules.WordForms.WordClass;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words servers use for one another in the same reply, so that a built-in rule written with one
 * also reads the others, with less weight: {@code rejected}, {@code refused}, {@code denied} and
 * {@code declined} ("Recipient address refused", "Relay access rejected"); {@code user},
 * {@code recipient} and {@code addressee} ("Recipient unknown", "Addressee unknown"); and the
 * {@code blacklist}, {@code blocklist}, {@code denylist} names of one list. Unlike a spelling
 * ({@link SpellingVariants}), a synonym may change the meaning in some company, so a phrase in that
 * company keeps its own word: a connection refused is a network error and a connection rejected a
 * block; the user of {@code auth user} or {@code user name} is the sender's, and a "user reject" is a
 * recipient's filter where "recipient rejected" is any refusal.
 *
 * <p>{@link RuleSet#builtIn()} places a rule's synonym siblings after every rule written out, so a
 * phrase as written always decides before another rule's synonym of it.
 */
final class Synonyms {

    /** At most this many synonym siblings of one rule. */
    static final int MAX_PER_RULE = 8;

    /** Words written for one another, and the company in which a phrase keeps its own. */
    private record Words(WordClass forms, List<String> keptWith) {
    }

    private static final List<Words> CLASSES = List.of(
            new Words(new WordClass(Edges.WORD, List.of("rejected", "refused", "denied", "declined")),
                    List.of("connect", "actively", "talk to")),
            new Words(new WordClass(Edges.WORD, List.of("user", "recipient", "addressee")),
                    List.of("auth", "name", "agent", "password", "login", "sender", "account", "reject")),
            new Words(new WordClass(Edges.START, List.of("blacklist", "blocklist", "denylist")), List.of()));

    private Synonyms() {
    }

    /**
     * The synonym siblings of a rule's phrases (normalized, with their word-boundary marks), the
     * rule's own phrases not among them; empty when none of its words has a synonym.
     */
    static List<List<String>> siblingsOf(List<String> phrases) {
        List<List<String>> all = WordForms.combinations(phrases, Synonyms::of, MAX_PER_RULE + 1);
        return all.subList(1, all.size());
    }

    /** Every synonym form of one normalized phrase, its own first; its word-boundary marks are kept. */
    static List<String> of(String phrase) {
        return WordForms.keepingMarks(phrase, Synonyms::formsOf);
    }

    private static Set<String> formsOf(String body) {
        Set<String> out = new LinkedHashSet<>();
        out.add(body);
        for (Words words : CLASSES) {
            if (words.keptWith().stream().noneMatch(body::contains)) {
                WordForms.swapInto(out, words.forms());
            }
        }
        return out;
    }
}
