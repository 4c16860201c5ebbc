package dev.bouncekit.receiver.internal;

import java.util.Arrays;

/** A growing list of rule positions, gathered for one command and then sorted into evaluation order. */
final class Positions {
    private int[] items;
    private int size;

    /** A list holding {@code first} at its start, with room for {@code more} others. */
    Positions(int[] first, int more) {
        items = Arrays.copyOf(first, first.length + Math.max(more, 8));
        size = first.length;
    }

    /** Appends {@code position}. */
    void add(int position) {
        if (size == items.length) {
            items = Arrays.copyOf(items, items.length * 2);
        }
        items[size++] = position;
    }

    /** Appends every position of {@code positions}. */
    void addAll(int[] positions) {
        if (size + positions.length > items.length) {
            items = Arrays.copyOf(items, Math.max(items.length * 2, size + positions.length));
        }
        System.arraycopy(positions, 0, items, size, positions.length);
        size += positions.length;
    }

    /** The positions in ascending order; a position added twice is there twice. */
    int[] sorted() {
        int[] out = Arrays.copyOf(items, size);
        Arrays.sort(out);
        return out;
    }
}
