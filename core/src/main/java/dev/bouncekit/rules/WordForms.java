package dev.bouncekit.rules;

import dev.bouncekit.text.PhraseIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Phrases with a word swapped for the others of its class: what {@link SpellingVariants} and
 * {@link Synonyms} share. A class names its forms and where a form must stand in a phrase to be
 * swapped.
 */
final class WordForms {

    /** Where a form must stand in a phrase to be swapped. */
    enum Edges {
        /** a whole word or words: no letter just before or just after */
        WORD,
        /** the start of a word: no letter just before ("mailbox", "mailboxes") */
        START,
        /** anywhere: a word stem ("authoriz" in "unauthorized") */
        ANY
    }

    /** Forms written for one another, and where they stand. */
    record WordClass(Edges edges, List<String> forms) {
    }

    private WordForms() {
    }

    /**
     * Every list made from {@code phrases} by taking, for each phrase, one of its forms
     * ({@code formsOf}, the phrase's own first): the phrases themselves first, at most {@code max}.
     */
    static List<List<String>> combinations(List<String> phrases, Function<String, List<String>> formsOf, int max) {
        List<List<String>> out = new ArrayList<>();
        out.add(phrases);
        for (int k = 0; k < phrases.size(); k++) {
            List<String> forms = formsOf.apply(phrases.get(k));
            if (forms.size() == 1) {
                continue;
            }
            List<List<String>> grown = new ArrayList<>();
            for (List<String> rule : out) {
                for (String form : forms) {
                    if (grown.size() == max) {
                        break;
                    }
                    List<String> copy = new ArrayList<>(rule);
                    copy.set(k, form);
                    grown.add(copy);
                }
            }
            out = grown;
        }
        return out;
    }

    /**
     * The forms {@code bodyForms} gives of a normalized phrase's text between its word-boundary
     * marks, each with the phrase's marks again.
     */
    static List<String> keepingMarks(String phrase, Function<String, Collection<String>> bodyForms) {
        String mark = PhraseIndex.BOUNDARY;
        boolean leading = phrase.startsWith(mark);
        boolean trailing = phrase.length() > mark.length() && phrase.endsWith(mark);
        String body = phrase.substring(leading ? mark.length() : 0, phrase.length() - (trailing ? mark.length() : 0));
        List<String> out = new ArrayList<>();
        for (String form : bodyForms.apply(body)) {
            out.add((leading ? mark : "") + form + (trailing ? mark : ""));
        }
        return out;
    }

    /** Adds to {@code phrases}, for each of them, every swap of a form of {@code words} it holds. */
    static void swapInto(Set<String> phrases, WordClass words) {
        Set<String> more = new LinkedHashSet<>();
        for (String p : phrases) {
            for (String form : words.forms()) {
                for (int at = p.indexOf(form); at >= 0; at = p.indexOf(form, at + 1)) {
                    if (!standsAt(p, at, form.length(), words.edges())) {
                        continue;
                    }
                    for (String other : words.forms()) {
                        more.add(p.substring(0, at) + other + p.substring(at + form.length()));
                    }
                }
            }
        }
        phrases.addAll(more);
    }

    private static boolean standsAt(String p, int at, int length, Edges edges) {
        boolean before = at == 0 || !Character.isLetter(p.charAt(at - 1));
        int end = at + length;
        boolean after = end == p.length() || !Character.isLetter(p.charAt(end));
        return switch (edges) {
            case WORD -> before && after;
            case START -> before;
            case ANY -> true;
        };
    }
}
