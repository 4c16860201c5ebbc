package dev.bouncekit.rules;

import java.util.Arrays;

/**
 * The phrases found in one text, each with the start of its first and last occurrence. Kept in a
 * few small arrays searched in turn while few phrases are found (the usual case), indexed by phrase
 * once there are more, so that recording stays constant-time whatever the text. One per scan; not
 * thread-safe.
 */
final class PhraseHits {

    private static final int SMALL = 8;

    private final int phraseCount;
    private int[] phrases = new int[SMALL];
    private int[] first = new int[SMALL];
    private int[] last = new int[SMALL];
    private int count;
    /** slot + 1 of each phrase, 0 when absent; built once more than {@link #SMALL} phrases are found. */
    private int[] slotPlusOne;

    PhraseHits(int phraseCount) {
        this.phraseCount = phraseCount;
    }

    /** Records an occurrence of {@code phrase} starting at {@code start}; starts arrive in increasing order. */
    void record(int phrase, int start) {
        int slot = slotOf(phrase);
        if (slot >= 0) {
            last[slot] = start;
            return;
        }
        if (count == phrases.length) {
            int size = Math.min(phraseCount, count * 2);
            phrases = Arrays.copyOf(phrases, size);
            first = Arrays.copyOf(first, size);
            last = Arrays.copyOf(last, size);
        }
        phrases[count] = phrase;
        first[count] = start;
        last[count] = start;
        count++;
        if (slotPlusOne != null) {
            slotPlusOne[phrase] = count;
        } else if (count > SMALL) {
            slotPlusOne = new int[phraseCount];
            for (int i = 0; i < count; i++) {
                slotPlusOne[phrases[i]] = i + 1;
            }
        }
    }

    /** How many distinct phrases were found. */
    int count() {
        return count;
    }

    /** The {@code i}-th distinct phrase found, in order of first occurrence. */
    int phraseAt(int i) {
        return phrases[i];
    }

    /** Start of the first occurrence of {@code phrase}, or -1 when it does not occur. */
    int first(int phrase) {
        int slot = slotOf(phrase);
        return slot < 0 ? -1 : first[slot];
    }

    /** Start of the last occurrence of {@code phrase}, or -1 when it does not occur. */
    int last(int phrase) {
        int slot = slotOf(phrase);
        return slot < 0 ? -1 : last[slot];
    }

    private int slotOf(int phrase) {
        if (slotPlusOne != null) {
            return slotPlusOne[phrase] - 1;
        }
        for (int i = 0; i < count; i++) {
            if (phrases[i] == phrase) {
                return i;
            }
        }
        return -1;
    }
}
