package dev.bouncekit.reply;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The text lines of a parsed reply kept as one string, the lines joined by single spaces, with
 * where each line ends: {@link SmtpReply#text()} is that string, and a line becomes a string of
 * its own only when {@link #get(int)} asks for it. Immutable; equal to any list of the same lines.
 */
final class JoinedLines extends AbstractList<String> implements RandomAccess {

    private final String text;
    /** Where each line ends in {@link #text}; line {@code i > 0} starts one past the end of line {@code i - 1}. Null for one line. */
    private final int[] ends;

    /**
     * @param text the lines joined by single spaces, none of them empty
     * @param ends where each line ends in {@code text}, or null when {@code text} is one line
     */
    JoinedLines(String text, int[] ends) {
        this.text = text;
        this.ends = ends;
    }

    /** The lines joined by single spaces. */
    String text() {
        return text;
    }

    @Override
    public String get(int index) {
        if (ends == null) {
            Objects.checkIndex(index, 1);
            return text;
        }
        Objects.checkIndex(index, ends.length);
        return text.substring(index == 0 ? 0 : ends[index - 1] + 1, ends[index]);
    }

    @Override
    public int size() {
        return ends == null ? 1 : ends.length;
    }
}
