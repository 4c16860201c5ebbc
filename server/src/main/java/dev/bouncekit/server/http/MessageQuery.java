package dev.bouncekit.server.http;

import dev.bouncekit.receiver.ReceivedMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of messages, newest first: those that match {@code query} (case-insensitive, every word or
 * "quoted phrase" in the subject, the addresses or the body, as {@link SearchedText} reads them), from {@code start}, at most {@code limit}.
 *
 * @param total    how many matched
 * @param start    the position of the first one returned
 * @param messages the page
 */
record MessageQuery(int total, int start, List<ReceivedMessage> messages) {

    /** The most a page holds; the default limit. */
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 50;

    /**
     * The most words (or phrases) a query may have: every message is searched for each of them, so
     * a query of tens of thousands of words (a URL may carry 380 KiB) takes time that grows with
     * words × stored text (20,000 words over 500 messages of 2 KB: 3 s).
     */
    static final int MAX_WORDS = 100;

    static MessageQuery of(List<ReceivedMessage> stored, String query, int start, int limit) {
        String[] words = words(query);
        if (words.length > MAX_WORDS) {
            throw new ApiError(400, "query has " + words.length + " words or phrases; search for at most " + MAX_WORDS);
        }
        List<ReceivedMessage> matched = new ArrayList<>();
        for (int i = stored.size() - 1; i >= 0; i--) {
            ReceivedMessage m = stored.get(i);
            if (matches(m, words)) {
                matched.add(m);
            }
        }
        int from = Math.min(start, matched.size());
        int to = Math.min(matched.size(), from + limit);
        return new MessageQuery(matched.size(), from, List.copyOf(matched.subList(from, to)));
    }

    /** The words of a query, lower-cased; a "quoted phrase" is one word. */
    static String[] words(String query) {
        List<String> out = new ArrayList<>();
        if (query != null) {
            Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(query);
            while (m.find()) {
                String word = m.group(1) != null ? m.group(1) : m.group(2);
                if (!word.isBlank()) {
                    out.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out.stream().distinct().toArray(String[]::new);
    }

    private static boolean matches(ReceivedMessage m, String[] words) {
        if (words.length == 0) {
            return true;
        }
        String haystack = (m.subject() + "\n" + m.from() + "\n" + String.join("\n", m.to())).toLowerCase(Locale.ROOT)
                + "\n" + SearchedText.of(m.raw());
        ParsedMessage parsed = null;
        for (String word : words) {
            if (!haystack.contains(word)) {
                if (parsed == null) {
                    parsed = ParsedMessage.of(m.raw());
                }
                String decoded = (parsed.text() + "\n" + parsed.html()).toLowerCase(Locale.ROOT);
                if (!decoded.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }
}
