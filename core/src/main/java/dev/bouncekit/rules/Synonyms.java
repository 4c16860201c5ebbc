package dev.bouncekit.rules;

import dev.bouncekit.text.PhraseIndex;

import java.util.ArrayList;
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

    private record Words(boolean wholeWord, List<String> forms, List<String> keptWith) {
    }

    private static final List<Words> CLASSES = List.of(
            new Words(true, List.of("rejected", "refused", "denied", "declined"),
                    List.of("connect", "actively", "talk to")),
            new Words(true, List.of("user", "recipient", "addressee"),
                    List.of("auth", "name", "agent", "password", "login", "sender", "account", "reject")),
            new Words(false, List.of("blacklist", "blocklist", "denylist"), List.of()));

    private Synonyms() {
    }

    /**
     * The synonym siblings of a rule's phrases (normalized, with their word-boundary marks), the
     * rule's own phrases not among them; empty when none of its words has a synonym.
     */
    static List<List<String>> siblingsOf(List<String> phrases) {
        List<List<String>> out = new ArrayList<>();
        out.add(phrases);
        for (int k = 0; k < phrases.size(); k++) {
            List<String> forms = of(phrases.get(k));
            if (forms.size() == 1) {
                continue;
            }
            List<List<String>> grown = new ArrayList<>();
            for (List<String> rule : out) {
                for (String form : forms) {
                    if (grown.size() == MAX_PER_RULE + 1) {
                        break;
                    }
                    List<String> copy = new ArrayList<>(rule);
                    copy.set(k, form);
                    grown.add(copy);
                }
            }
            out = grown;
        }
        return out.subList(1, out.size());
    }

    /** Every synonym form of one normalized phrase, its own first; its word-boundary marks are kept. */
    static List<String> of(String phrase) {
        String mark = PhraseIndex.BOUNDARY;
        boolean leading = phrase.startsWith(mark);
        boolean trailing = phrase.length() > mark.length() && phrase.endsWith(mark);
        String body = phrase.substring(leading ? mark.length() : 0, phrase.length() - (trailing ? mark.length() : 0));
        Set<String> out = new LinkedHashSet<>();
        out.add(body);
        for (Words words : CLASSES) {
            if (words.keptWith().stream().anyMatch(body::contains)) {
                continue;
            }
            Set<String> more = new LinkedHashSet<>();
            for (String p : out) {
                for (String form : words.forms()) {
                    for (int at = p.indexOf(form); at >= 0; at = p.indexOf(form, at + 1)) {
                        if (!standsAt(p, at, form.length(), words.wholeWord())) {
                            continue;
                        }
                        for (String other : words.forms()) {
                            more.add(p.substring(0, at) + other + p.substring(at + form.length()));
                        }
                    }
                }
            }
            out.addAll(more);
        }
        List<String> marked = new ArrayList<>(out.size());
        for (String form : out) {
            marked.add((leading ? mark : "") + form + (trailing ? mark : ""));
        }
        return marked;
    }

    private static boolean standsAt(String p, int at, int length, boolean wholeWord) {
        boolean before = at == 0 || !Character.isLetter(p.charAt(at - 1));
        int end = at + length;
        boolean after = end == p.length() || !Character.isLetter(p.charAt(end));
        return before && (after || !wholeWord);
    }
}
