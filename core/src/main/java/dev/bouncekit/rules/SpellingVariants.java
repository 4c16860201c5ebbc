package dev.bouncekit.rules;

import dev.bouncekit.text.PhraseIndex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spellings servers write interchangeably for the same words, so that a rule written with one
 * matches the others: contractions ({@code does not}, {@code doesn't}, {@code doesnt}),
 * compounds ({@code mailbox} and {@code mail box}, {@code e-mail} and {@code email}), British
 * and American {@code -ise}/{@code -ize} stems, and any word with its apostrophe dropped
 * ({@code recipient's} as {@code recipients}). A phrase with a spelling of a class gets a sibling
 * phrase for each other spelling of it; a rule gets a sibling rule for each combination, up to
 * {@link #MAX_PER_RULE}.
 */
final class SpellingVariants {

    /** At most this many spellings of one rule, the rule's own first. */
    static final int MAX_PER_RULE = 16;

    /** Where a spelling must stand in a phrase to be swapped. */
    private enum Edges {
        /** a whole word or words: no letter just before or just after */
        WORD,
        /** the start of a word: no letter just before ("mailbox", "mailboxes") */
        START,
        /** anywhere: a word stem ("authoriz" in "unauthorized") */
        ANY
    }

    private record Spellings(Edges edges, List<String> forms) {
    }

    private static final List<Spellings> CLASSES = List.of(
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
            new Spellings(Edges.START, List.of("e-mail", "email")),
            new Spellings(Edges.START, List.of("mailbox", "mail box")),
            new Spellings(Edges.START, List.of("non-existent", "nonexistent", "non existent")),
            new Spellings(Edges.START, List.of("username", "user name")),
            new Spellings(Edges.START, List.of("overquota", "over quota")),
            new Spellings(Edges.START, List.of("blacklist", "black list", "black-list")),
            new Spellings(Edges.START, List.of("blocklist", "block list", "block-list")),
            new Spellings(Edges.START, List.of("denylist", "deny list", "deny-list")),
            new Spellings(Edges.START, List.of("antispam", "anti-spam", "anti spam")),
            new Spellings(Edges.START, List.of("hostname", "host name")),
            new Spellings(Edges.START, List.of("mailserver", "mail server")),
            new Spellings(Edges.ANY, List.of("authoriz", "authoris")),
            new Spellings(Edges.ANY, List.of("organiz", "organis")),
            new Spellings(Edges.ANY, List.of("recogniz", "recognis")));

    private SpellingVariants() {
    }

    private static Spellings word(String... forms) {
        return new Spellings(Edges.WORD, List.of(forms));
    }

    /**
     * Every spelling of a rule's phrases, the rule's own first: lists of phrases in normalized
     * form, each as long as {@code phrases}.
     */
    static List<List<String>> of(List<String> phrases) {
        List<List<String>> out = new ArrayList<>();
        out.add(phrases);
        for (int k = 0; k < phrases.size(); k++) {
            List<String> spellings = of(phrases.get(k));
            if (spellings.size() == 1) {
                continue;
            }
            List<List<String>> grown = new ArrayList<>();
            for (List<String> rule : out) {
                for (String spelling : spellings) {
                    if (grown.size() == MAX_PER_RULE) {
                        break;
                    }
                    List<String> copy = new ArrayList<>(rule);
                    copy.set(k, spelling);
                    grown.add(copy);
                }
            }
            out = grown;
        }
        return out;
    }

    /** Every spelling of one normalized phrase, its own first; its word-boundary marks are kept. */
    static List<String> of(String phrase) {
        String mark = PhraseIndex.BOUNDARY;
        boolean leading = phrase.startsWith(mark);
        boolean trailing = phrase.length() > mark.length() && phrase.endsWith(mark);
        String body = phrase.substring(leading ? mark.length() : 0, phrase.length() - (trailing ? mark.length() : 0));
        List<String> out = new ArrayList<>();
        for (String spelling : spellingsOf(body)) {
            out.add((leading ? mark : "") + spelling + (trailing ? mark : ""));
        }
        return out;
    }

    private static List<String> spellingsOf(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        out.add(phrase);
        for (Spellings spellings : CLASSES) {
            Set<String> more = new LinkedHashSet<>();
            for (String p : out) {
                for (String form : spellings.forms()) {
                    for (int at = p.indexOf(form); at >= 0; at = p.indexOf(form, at + 1)) {
                        if (!standsAt(p, at, form.length(), spellings.edges())) {
                            continue;
                        }
                        for (String other : spellings.forms()) {
                            more.add(p.substring(0, at) + other + p.substring(at + form.length()));
                        }
                    }
                }
            }
            out.addAll(more);
        }
        List<String> unquoted = new ArrayList<>();
        for (String p : out) {
            String without = withoutInnerApostrophes(p);
            if (!without.equals(p)) {
                unquoted.add(without);
            }
        }
        out.addAll(unquoted);
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
