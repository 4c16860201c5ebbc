package dev.bouncekit.rules;

import dev.bouncekit.rules.WordForms.Edges;
import dev.bouncekit.rules.WordForms.WordClass;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings servers write interchangeably for the same words, so that a rule written with one
 * matches the others: contractions ({@code does not}, {@code doesn't}, {@code doesnt}),
 * compounds ({@code mailbox} and {@code mail box}, {@code e-mail} and {@code email}), British
 * and American {@code -ise}/{@code -ize} stems, any word with its apostrophe dropped
 * ({@code recipient's} as {@code recipients}), and German's sharp s as {@code ss}, as Swiss German
 * and capital letters write it ({@code größe} as {@code grösse}, read in {@code GRÖSSE}). A
 * phrase with a spelling of a class gets a sibling
 * phrase for each other spelling of it; a rule gets a sibling rule for each combination, up to
 * {@link #MAX_PER_RULE}.
 */
final class SpellingVariants {

    /** At most this many spellings of one rule, the rule's own first. */
    static final int MAX_PER_RULE = 16;

    private static final List<WordClass> CLASSES = List.of(
            word("does not", "doesn't", "doesnt"),
            word("do not", "don't", "dont"),
            word("did not", "didn't", "didnt"),
            word("is not", "isn't", "isnt"),
            word("are not", "aren't", "arent"),
            word("was not", "wasn't", "wasnt"),
            word("were not", "weren't"),
            word("has not", "hasn't"),
            word("have not", "haven't"),
            word("could not", "couldn't", "couldnt"),
            word("would not", "wouldn't"),
            word("will not", "won't"),
            word("cannot", "can't", "can not"),
            new WordClass(Edges.START, List.of("e-mail", "email")),
            new WordClass(Edges.START, List.of("mailbox", "mail box")),
            new WordClass(Edges.START, List.of("non-existent", "nonexistent", "non existent")),
            new WordClass(Edges.START, List.of("username", "user name")),
            new WordClass(Edges.START, List.of("overquota", "over quota")),
            new WordClass(Edges.START, List.of("blacklist", "black list", "black-list")),
            new WordClass(Edges.START, List.of("blocklist", "block list", "block-list")),
            new WordClass(Edges.START, List.of("denylist", "deny list", "deny-list")),
            new WordClass(Edges.START, List.of("antispam", "anti-spam", "anti spam")),
            new WordClass(Edges.START, List.of("hostname", "host name")),
            new WordClass(Edges.START, List.of("mailserver", "mail server")),
            new WordClass(Edges.ANY, List.of("authoriz", "authoris")),
            new WordClass(Edges.ANY, List.of("organiz", "organis")),
            new WordClass(Edges.ANY, List.of("recogniz", "recognis")));

    private SpellingVariants() {
    }

    private static WordClass word(String... forms) {
        return new WordClass(Edges.WORD, List.of(forms));
    }

    /**
     * Every spelling of a rule's phrases, the rule's own first: lists of phrases in normalized
     * form, each as long as {@code phrases}.
     */
    static List<List<String>> of(List<String> phrases) {
        return WordForms.combinations(phrases, SpellingVariants::of, MAX_PER_RULE);
    }

    /** Every spelling of one normalized phrase, its own first; its word-boundary marks are kept. */
    static List<String> of(String phrase) {
        return WordForms.keepingMarks(phrase, SpellingVariants::spellingsOf);
    }

    private static List<String> spellingsOf(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        out.add(phrase);
        for (WordClass spellings : CLASSES) {
            WordForms.swapInto(out, spellings);
        }
        List<String> more = new ArrayList<>();
        for (String p : out) {
            String without = withoutInnerApostrophes(p);
            if (!without.equals(p)) {
                more.add(without);
            }
        }
        out.addAll(more);
        more.clear();
        for (String p : out) {
            if (p.indexOf('\u00df') >= 0) {
                more.add(p.replace("\u00df", "ss"));
            }
        }
        out.addAll(more);
        return List.copyOf(out);
    }

    /** {@code p} with each apostrophe between two letters dropped ("recipient's" as "recipients"). */
    private static String withoutInnerApostrophes(String p) {
        StringBuilder out = new StringBuilder(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\'' && i > 0 && i + 1 < p.length() && Character.isLetter(p.charAt(i - 1))
                    && Character.isLetter(p.charAt(i + 1))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
