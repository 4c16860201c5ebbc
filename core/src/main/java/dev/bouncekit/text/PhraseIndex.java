package dev.bouncekit.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A multi-phrase index: one pass over a text finds every phrase that occurs, with where it first
 * and last ends. Built once (Aho-Corasick: the shallow states compiled to full rows over the ASCII
 * characters the phrases use, one char per entry, and a bit per state that tells whether it ends
 * a phrase; the root has a row over every symbol; deeper states where phrases branch or end get
 * full rows too, within a budget; a state on a phrase's tail reads its one edge and, on any other
 * ASCII character, the row of its failure link; other characters follow goto edges, bisected when
 * a state has many, and failure links, so the table stays small for thousands of phrases in many
 * scripts; the deeper states are numbered depth first, so that a phrase's tail is read in order);
 * immutable and safe to share between threads. Scanning is linear in the text (amortized: a failure link is followed at most as
 * often as a goto edge was), with no regular expressions and no backtracking.
 *
 * <p>Phrases are given in {@link TextNormalizer} form; texts are scanned as they are, and matched as
 * if normalized: case is folded and every run of white space counts as one space, inside the
 * automaton, without building the normalized text. Positions are reported in normalized
 * coordinates: the index in {@code TextNormalizer.normalize(text)}, so a phrase of length
 * {@code L} that ends at {@code e} starts at {@code e - L + 1}.
 *
 * <p>A phrase may begin and/or end with the two characters {@code \b}, a word boundary: it then
 * occurs only where the text character just before it (for a leading {@code \b}) or just after it
 * (for a trailing one) is not a letter or digit ({@link Character#isLetterOrDigit(int)}), or is the
 * edge of the text. Unlike a regular expression's {@code \b} this does not look at the phrase's own
 * first or last character. The marker is not part of the phrase's length.
 *
 * <p>A phrase naming a host or a domain may begin and/or end with {@code \h}, a host-name boundary,
 * so that it matches a whole name or its registered part and not a longer name that holds it
 * ({@code gmx.de} in {@code mail.gmx.de}, not in {@code notgmx.de}; {@code prodigy.net} not in
 * {@code prodigy.net.mx}): before it (a leading {@code \h}) no letter, digit or hyphen; after it (a
 * trailing one) no letter, digit or hyphen, and no dot followed by one.
 */
public final class PhraseIndex {

    /** The word-boundary marker a phrase may begin and/or end with. */
    public static final String BOUNDARY = "\\b";
    /** The host-name-boundary marker a phrase naming a host or domain may begin and/or end with. */
    public static final String HOST_BOUNDARY = "\\h";

    private static final int[] NONE = new int[0];
    private static final byte LEADING = 1;
    private static final byte TRAILING = 2;
    private static final byte LEADING_HOST = 4;
    private static final byte TRAILING_HOST = 8;

    /**
     * Table entries at most (512 KB of chars): full rows for the shallow states, few enough that
     * the rows a scan visits most stay in the caches (a larger table is slower, not faster).
     */
    private static final int DENSE_ENTRIES = 1 << 18;
    /**
     * Table entries at most for the rows of deeper states where phrases branch or end (512 KB of
     * chars): without one, the character after such a state is looked up in its record and those
     * of its failure links, the slowest step of a scan.
     */
    private static final int DEEP_ENTRIES = 1 << 18;
    /** The rows a {@link #link} can name: its upper 16 bits. */
    private static final int LINKED_ROWS = 1 << 16;
    /** A {@link #table} entry whose target state does not fit in a char: the state's record tells it. */
    private static final char FAR = Character.MAX_VALUE;
    /** The chain symbol of a {@link #link} whose state has no single edge to the next state: no symbol is this. */
    private static final char NO_CHAIN = Character.MAX_VALUE;
    /** Goto rows longer than this are searched by bisection. */
    private static final int SHORT_ROW = 8;

    /** Character (as found in a text) to alphabet symbol; 0 is every character no phrase uses. */
    private final char[] symbolOf = new char[Character.MAX_VALUE + 1];
    /** Symbols below this are ASCII characters: the columns of {@link #table}. */
    private final int dense;
    /** A row of {@link #table} is {@code 1 << rowShift} entries: a shift, not a multiplication, finds it. */
    private final int rowShift;
    private final int spaceSymbol;
    /**
     * Full rows: first those of the states below {@link #denseStates} (numbered breadth first, so
     * the shallow ones), row {@code s} for state {@code s}; then a row of {@link #FAR} only; then the
     * rows of deeper states that {@link #link} names. Entries are the target state, or {@link #FAR};
     * two bytes an entry, so that more rows share the caches.
     */
    private final char[] table;
    private final int denseStates;
    /** One bit per state: set when the state ends at least one phrase. */
    private final long[] endsPhrase;
    private final int[] fail;
    /** The root's row over every symbol, where most characters of other scripts lead: the target state. */
    private final int[] rootNext;
    /**
     * Per state, where its record starts in {@link #nodes}: what a scan reads of a state without a
     * full row, in one place rather than in several arrays.
     */
    private final int[] nodeAt;
    /**
     * State records: the failure link, the number of goto edges, then each edge's symbol and
     * target state, by symbol.
     */
    private final int[] nodes;
    private final int[] childStart;
    private final int[] childSymbol;
    private final int[] childTarget;
    /**
     * Per state from {@link #denseStates} on, in one int, what a scan reads of it for an ASCII
     * symbol: below 16 bits, the symbol of its one goto edge when it has exactly one and that edge
     * leads to the next state by number (the tails of phrases, numbered depth first), else
     * {@link #NO_CHAIN}; above, the row of {@link #table} that holds its transitions on every
     * other ASCII symbol: its own row, or, for a tail or a state that ends a phrase and goes no
     * further, the row of its failure link; the row of {@link #FAR} when it has none, so that the
     * state's record is read.
     */
    private final int[] link;
    /** Where the phrases each state ends lie in {@link #outputList}: from {@code outputStart[s]} to {@code outputStart[s + 1]}. */
    private final int[] outputStart;
    /** The phrases each state ends (its own and those of its failure links), state after state. */
    private final int[] outputList;
    private final int phraseCount;
    /** Per phrase: {@link #LEADING} and/or {@link #TRAILING}, or 0. */
    private final byte[] boundaries;
    /** Per phrase: its length in normalized form, without boundary markers. */
    private final int[] lengths;
    /** Per phrase: whether a scan keeps every end, not only the first and last. */
    private final boolean[] keepsAllEnds;

    /** Builds the index over {@code phrases}; phrase {@code i} is reported as index {@code i}. Scans keep first and last ends only. */
    public PhraseIndex(List<String> phrases) {
        this(phrases, p -> false);
    }

    /**
     * Builds the index over {@code phrases}; phrase {@code i} is reported as index {@code i}.
     *
     * @param phrases      non-empty phrases in {@link TextNormalizer} form, each optionally with a
     *                     leading and/or trailing {@link #BOUNDARY} or {@link #HOST_BOUNDARY}
     * @param keepAllEnds  the phrases for which a scan records every end (see {@link Matches#ends}),
     *                     at a cost of one int per occurrence
     * @throws IllegalArgumentException for a phrase that is empty without its markers
     */
    public PhraseIndex(List<String> phrases, IntPredicate keepAllEnds) {
        this(phrases, keepAllEnds, DENSE_ENTRIES, DEEP_ENTRIES);
    }

    /**
     * An index for texts scanned by {@link #scanWithoutNames}: built over {@code phrases} blanked
     * as {@link HostNameLabels#blank(String)} blanks them, so that a phrase naming a host matches
     * the host's blanked name; phrase {@code i} is reported as index {@code i}.
     *
     * @see #PhraseIndex(List, IntPredicate)
     */
    public static PhraseIndex withoutNames(List<String> phrases, IntPredicate keepAllEnds) {
        List<String> blanked = new ArrayList<>(phrases.size());
        for (String phrase : phrases) {
            blanked.add(blankBody(phrase));
        }
        return new PhraseIndex(blanked, keepAllEnds);
    }

    /** {@code phrase} with its host names blanked ({@link HostNameLabels}), its boundary markers left as they are. */
    private static String blankBody(String phrase) {
        // both markers are two characters long
        int from = phrase.startsWith(BOUNDARY) || phrase.startsWith(HOST_BOUNDARY) ? BOUNDARY.length() : 0;
        int to = phrase.length() > from && (phrase.endsWith(BOUNDARY) || phrase.endsWith(HOST_BOUNDARY))
                ? phrase.length() - BOUNDARY.length() : phrase.length();
        return phrase.substring(0, from) + HostNameLabels.blank(phrase.substring(from, to)) + phrase.substring(to);
    }

    /**
     * {@link #PhraseIndex(List, IntPredicate)} with full rows for at most {@code denseEntries}
     * table entries for the shallow states (at least the root's row) and {@code deepEntries} for
     * deeper ones: tests make them small, so that small phrase sets take the paths of states
     * without a full row.
     */
    PhraseIndex(List<String> phrases, IntPredicate keepAllEnds, int denseEntries, int deepEntries) {
        phraseCount = phrases.size();
        boundaries = new byte[phraseCount];
        lengths = new int[phraseCount];
        keepsAllEnds = new boolean[phraseCount];
        List<String> bodies = new ArrayList<>(phraseCount);
        for (int p = 0; p < phraseCount; p++) {
            String phrase = phrases.get(p);
            byte flags = 0;
            if (phrase.startsWith(BOUNDARY)) {
                flags |= LEADING;
                phrase = phrase.substring(BOUNDARY.length());
            } else if (phrase.startsWith(HOST_BOUNDARY)) {
                flags |= LEADING_HOST;
                phrase = phrase.substring(HOST_BOUNDARY.length());
            }
            if (phrase.endsWith(BOUNDARY) && !phrase.isEmpty()) {
                flags |= TRAILING;
                phrase = phrase.substring(0, phrase.length() - BOUNDARY.length());
            } else if (phrase.endsWith(HOST_BOUNDARY) && !phrase.isEmpty()) {
                flags |= TRAILING_HOST;
                phrase = phrase.substring(0, phrase.length() - HOST_BOUNDARY.length());
            }
            if (phrase.isEmpty()) {
                throw new IllegalArgumentException("phrase " + p + " is empty: '" + phrases.get(p) + "'");
            }
            boundaries[p] = flags;
            lengths[p] = phrase.length();
            keepsAllEnds[p] = keepAllEnds.test(p);
            bodies.add(phrase);
        }
        char[] symbolOfFolded = new char[Character.MAX_VALUE + 1];
        int symbols = 1;
        int asciiSymbols = 0;
        // The ASCII symbols by how often the phrases use them, the most frequent first: the entries
        // a scan reads most lie at the start of each row, so that fewer cache lines of the table
        // are in use.
        int[] uses = new int[128];
        uses[' '] = 1;
        for (String phrase : bodies) {
            for (int i = 0; i < phrase.length(); i++) {
                char c = TextNormalizer.fold(phrase.charAt(i));
                if (c < 128) {
                    uses[c]++;
                }
            }
        }
        Integer[] byUse = new Integer[128];
        for (int c = 0; c < 128; c++) {
            byUse[c] = c;
        }
        Arrays.sort(byUse, (a, b) -> uses[a] != uses[b] ? Integer.compare(uses[b], uses[a]) : Integer.compare(a, b));
        for (int c : byUse) {
            if (uses[c] > 0) {
                symbolOfFolded[c] = (char) symbols++;
            }
        }
        asciiSymbols = symbols;
        for (String phrase : bodies) {
            for (int i = 0; i < phrase.length(); i++) {
                char c = TextNormalizer.fold(phrase.charAt(i));
                if (c >= 128 && symbolOfFolded[c] == 0) {
                    symbolOfFolded[c] = (char) symbols++;
                }
            }
        }
        dense = asciiSymbols;
        rowShift = 32 - Integer.numberOfLeadingZeros(dense - 1);
        spaceSymbol = symbolOfFolded[' '];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            symbolOf[c] = symbolOfFolded[TextNormalizer.fold((char) c)];
        }
        // The trie, its states numbered breadth first, so that shallow states have low numbers.
        List<Map<Integer, Integer>> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (int p = 0; p < bodies.size(); p++) {
            String phrase = bodies.get(p);
            int node = 0;
            for (int i = 0; i < phrase.length(); i++) {
                int symbol = symbolOf[phrase.charAt(i)];  // phrases are folded already
                Integer child = trie.get(node).get(symbol);
                if (child == null) {
                    child = trie.size();
                    trie.get(node).put(symbol, child);
                    trie.add(new HashMap<>());
                    out.add(new ArrayList<>());
                }
                node = child;
            }
            out.get(node).add(p);
        }
        int states = trie.size();
        // Each state's goto edges sorted by symbol, once: every ordering below reads them.
        int[][] edgeSymbols = new int[states][];
        int[][] edgeTargets = new int[states][];
        for (int node = 0; node < states; node++) {
            Map<Integer, Integer> edges = trie.get(node);
            int[] symbolsOut = new int[edges.size()];
            int k = 0;
            for (int symbol : edges.keySet()) {
                symbolsOut[k++] = symbol;
            }
            Arrays.sort(symbolsOut);
            int[] targets = new int[symbolsOut.length];
            for (k = 0; k < symbolsOut.length; k++) {
                targets[k] = edges.get(symbolsOut[k]);
            }
            edgeSymbols[node] = symbolsOut;
            edgeTargets[node] = targets;
        }
        // Shallow states get a full row over the ASCII symbols (the table stays small whatever the
        // number of phrases); deeper states and other symbols follow goto edges and failure links.
        int shallow = 1;
        while (shallow < states && shallow < LINKED_ROWS / 2 && (long) (shallow + 1) << rowShift <= denseEntries) {
            shallow++;
        }
        denseStates = shallow;
        // The shallow states are numbered breadth first; the deeper ones depth first, so that the
        // records a phrase's tail walks through lie next to each other in memory. States an ASCII
        // text can reach come first in both: the full rows, over ASCII symbols, are theirs, and their
        // numbers stay below FAR, however many phrases of other scripts (which ASCII text never
        // enters) the index holds.
        int[] breadthFirst = new int[states];
        int filled = 1;
        for (int head = 0; head < filled; head++) {
            for (int child : edgeTargets[breadthFirst[head]]) {
                breadthFirst[filled++] = child;
            }
        }
        int[] number = new int[states];
        Arrays.fill(number, -1);
        int[] order = new int[states];
        // The shallow states: those reachable over ASCII symbols breadth first, then, while there is
        // room, the others breadth first.
        number[0] = 0;
        int numbered = 1;
        for (int head = 0; head < numbered && numbered < denseStates; head++) {
            int node = order[head];
            for (int k = 0; k < edgeSymbols[node].length && edgeSymbols[node][k] < asciiSymbols && numbered < denseStates; k++) {
                number[edgeTargets[node][k]] = numbered;
                order[numbered++] = edgeTargets[node][k];
            }
        }
        for (int head = 0; head < states && numbered < denseStates; head++) {
            if (number[breadthFirst[head]] < 0) {
                number[breadthFirst[head]] = numbered;
                order[numbered++] = breadthFirst[head];
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            int below = pass == 0 ? asciiSymbols : Integer.MAX_VALUE;
            ArrayDeque<Integer> stack = new ArrayDeque<>();
            stack.push(0);
            while (!stack.isEmpty()) {
                int node = stack.pop();
                if (number[node] < 0) {
                    number[node] = numbered;
                    order[numbered++] = node;
                }
                for (int k = edgeSymbols[node].length - 1; k >= 0; k--) {
                    if (edgeSymbols[node][k] < below) {
                        stack.push(edgeTargets[node][k]);
                    }
                }
            }
        }
        // States by number in breadth-first order: a state's failure link is computed from its parent's.
        int[] byDepth = new int[states];
        for (int head = 0; head < states; head++) {
            byDepth[head] = number[breadthFirst[head]];
        }
        // Goto edges in compressed rows, by new state number, sorted by symbol.
        childStart = new int[states + 1];
        childSymbol = new int[states - 1];
        childTarget = new int[states - 1];
        int edge = 0;
        for (int s = 0; s < states; s++) {
            childStart[s] = edge;
            for (int k = 0; k < edgeSymbols[order[s]].length; k++) {
                childSymbol[edge] = edgeSymbols[order[s]][k];
                childTarget[edge] = number[edgeTargets[order[s]][k]];
                edge++;
            }
        }
        childStart[states] = edge;
        int[] delta = new int[denseStates << rowShift];
        fail = new int[states];
        rootNext = new int[symbols];
        for (int k = childStart[0]; k < childStart[1]; k++) {
            rootNext[childSymbol[k]] = childTarget[k];
        }
        for (int s : byDepth) {
            for (int k = childStart[s]; k < childStart[s + 1]; k++) {
                int child = childTarget[k];
                fail[child] = s == 0 ? 0 : next(delta, fail[s], childSymbol[k]);
            }
            if (s < denseStates) {
                for (int symbol = 1; symbol < dense; symbol++) {
                    int target = child(s, symbol);
                    delta[(s << rowShift) + symbol] = target >= 0 ? target : s == 0 ? 0 : next(delta, fail[s], symbol);
                }
            }
        }
        int[][] outputs = new int[states][];
        for (int s : byDepth) {
            List<Integer> own = new ArrayList<>(out.get(order[s]));
            if (s != 0) {
                for (int p : outputs[fail[s]]) {
                    own.add(p);
                }
            }
            outputs[s] = own.isEmpty() ? NONE : own.stream().mapToInt(Integer::intValue).distinct().toArray();
        }
        outputStart = new int[states + 1];
        for (int s = 0; s < states; s++) {
            outputStart[s + 1] = outputStart[s] + outputs[s].length;
        }
        outputList = new int[outputStart[states]];
        for (int s = 0; s < states; s++) {
            System.arraycopy(outputs[s], 0, outputList, outputStart[s], outputs[s].length);
        }
        if (symbols >= NO_CHAIN) {
            throw new IllegalArgumentException("the phrases use more than " + (NO_CHAIN - 1) + " distinct characters");
        }
        char[] chain = new char[states];
        Arrays.fill(chain, NO_CHAIN);
        for (int s = denseStates; s < states; s++) {
            if (childStart[s + 1] - childStart[s] == 1 && childTarget[childStart[s]] == s + 1) {
                chain[s] = (char) childSymbol[childStart[s]];
            }
        }
        // Rows for deeper states, shallow ones first, within the budget: a state that branches has
        // its own; a state that ends a phrase and goes no further moves exactly as its failure
        // link does, and takes that state's row when it has one.
        int farRow = denseStates;
        int[] rowOf = new int[states];
        Arrays.fill(rowOf, -1);
        for (int s = 0; s < denseStates; s++) {
            rowOf[s] = s;
        }
        List<Integer> ownRows = new ArrayList<>();
        int rows = farRow + 1;
        for (int s : byDepth) {
            if (s < denseStates || chain[s] != NO_CHAIN) {
                continue;
            }
            if (childStart[s + 1] == childStart[s] && rowOf[fail[s]] >= 0) {
                rowOf[s] = rowOf[fail[s]];
            } else if (rows < LINKED_ROWS && (long) (ownRows.size() + 1) << rowShift <= deepEntries) {
                rowOf[s] = rows++;
                ownRows.add(s);
            }
        }
        table = new char[rows << rowShift];
        for (int k = 0; k < delta.length; k++) {
            table[k] = delta[k] < FAR ? (char) delta[k] : FAR;
        }
        Arrays.fill(table, farRow << rowShift, (farRow + 1) << rowShift, FAR);
        for (int s : ownRows) {
            int at = rowOf[s] << rowShift;
            for (int symbol = 1; symbol < dense; symbol++) {
                int target = next(delta, s, symbol);
                table[at + symbol] = target < FAR ? (char) target : FAR;
            }
        }
        link = new int[states];
        for (int s = denseStates; s < states; s++) {
            int row = chain[s] == NO_CHAIN ? rowOf[s] : rowOf[fail[s]];
            link[s] = (row >= 0 ? row : farRow) << 16 | chain[s];
        }
        endsPhrase = new long[(states + 63) >>> 6];
        for (int s = 0; s < states; s++) {
            if (outputs[s].length > 0) {
                endsPhrase[s >>> 6] |= 1L << s;
            }
        }
        nodeAt = new int[states];
        nodes = new int[2 * states + 2 * (states - 1)];
        int at = 0;
        for (int s = 0; s < states; s++) {
            nodeAt[s] = at;
            nodes[at++] = fail[s];
            nodes[at++] = childStart[s + 1] - childStart[s];
            for (int k = childStart[s]; k < childStart[s + 1]; k++) {
                nodes[at++] = childSymbol[k];
                nodes[at++] = childTarget[k];
            }
        }
    }

    /**
     * The state after {@code symbol} in {@code state}: a lookup in shallow states, the one edge of a
     * phrase's tail, else the state's record; and failure links.
     */
    private int step(int state, int symbol) {
        if (symbol == 0) {
            return 0;
        }
        int s = state;
        while (true) {
            if (s < denseStates && symbol < dense) {
                int target = table[(s << rowShift) + symbol];
                if (target != FAR) {
                    return target;
                }
            }
            if (s == 0) {
                return rootNext[symbol];
            }
            if (s >= denseStates && (char) link[s] != NO_CHAIN) {
                // A phrase's tail: its one edge, else its failure link, without reading its record.
                if ((char) link[s] == symbol) {
                    return s + 1;
                }
                s = fail[s];
                continue;
            }
            int at = nodeAt[s];
            int edges = nodes[at + 1];
            int from = at + 2;
            if (edges <= SHORT_ROW) {
                for (int k = from; k < from + 2 * edges; k += 2) {
                    int c = nodes[k];
                    if (c == symbol) {
                        return nodes[k + 1];
                    }
                    if (c > symbol) {
                        break;
                    }
                }
            } else {
                int lo = 0;
                int hi = edges - 1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    int c = nodes[from + 2 * mid];
                    if (c < symbol) {
                        lo = mid + 1;
                    } else if (c > symbol) {
                        hi = mid - 1;
                    } else {
                        return nodes[from + 2 * mid + 1];
                    }
                }
            }
            s = nodes[at];
        }
    }

    /**
     * The state after {@code symbol} in {@code state} while the index is built: a lookup in the
     * rows of {@code delta} already filled, else goto and failure links.
     */
    private int next(int[] delta, int state, int symbol) {
        if (symbol == 0) {
            return 0;
        }
        int s = state;
        while (true) {
            if (s < denseStates && symbol < dense) {
                return delta[(s << rowShift) + symbol];
            }
            if (s == 0) {
                return rootNext[symbol];
            }
            int target = child(s, symbol);
            if (target >= 0) {
                return target;
            }
            s = fail[s];
        }
    }

    /** The goto edge of {@code state} on {@code symbol}, or -1. */
    private int child(int state, int symbol) {
        int from = childStart[state];
        int to = childStart[state + 1];
        if (to - from > SHORT_ROW) {
            int at = Arrays.binarySearch(childSymbol, from, to, symbol);
            return at >= 0 ? childTarget[at] : -1;
        }
        for (int k = from; k < to; k++) {
            int c = childSymbol[k];
            if (c == symbol) {
                return childTarget[k];
            }
            if (c > symbol) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Scans {@code text} once, reading each character once (and, for a phrase with a word
     * boundary, the one character on either side of each of its occurrences).
     *
     * @return the phrases that occur, with where (in normalized coordinates) each first and last
     *         ends, and every end of the phrases built to keep them all
     */
    public Matches scan(CharSequence text) {
        return scan(text, new Matches(this));
    }

    /**
     * {@link #scan(CharSequence)} into {@code into}, which is emptied first and returned: a caller
     * that scans many texts on one thread reuses one {@link #newMatches()} and allocates nothing
     * per text once it has grown to the largest.
     *
     * @throws IllegalArgumentException when {@code into} was made by another index
     */
    public Matches scan(CharSequence text, Matches into) {
        int n = text.length();
        char[] chars = into.chars(n);
        if (text instanceof String s) {
            s.getChars(0, n, chars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                chars[i] = text.charAt(i);
            }
        }
        return scan(chars, n, into);
    }

    /**
     * {@link #scan(CharSequence, Matches)} of a reply text with the local parts of its e-mail
     * addresses ({@link AddressLocalParts}) and the leading labels of its host names
     * ({@link HostNameLabels}) blanked: the words of an address or a machine's name are not read as
     * the server's. The text is copied into {@code into}'s buffer and blanked there. An index
     * scanned this way is made by {@link #withoutNames}, so that a phrase naming a host matches it.
     *
     * @throws IllegalArgumentException when {@code into} was made by another index
     */
    public Matches scanWithoutNames(String text, Matches into) {
        int n = text.length();
        char[] chars = into.chars(n);
        text.getChars(0, n, chars, 0);
        AddressLocalParts.blank(text, chars);
        HostNameLabels.blank(text, chars);
        return scan(chars, n, into);
    }

    /**
     * The scan of the text {@code chars[0, length)}, which it only reads, whatever the caller's text
     * was: one loop over the array follows the automaton and writes down the states that end a
     * phrase, then a second over those reads their phrases and word boundaries.
     */
    private Matches scan(char[] chars, int length, Matches into) {
        if (into.index != this) {
            throw new IllegalArgumentException("these matches belong to another index");
        }
        into.clear();
        int[] rawAt = into.positions(length);
        int[] endStates = into.endStates;
        int[] endPositions = into.endPositions;
        int found = 0;
        int state = 0;
        int n = length;
        int position = -1;
        boolean afterSpace = true;
        for (int i = 0; i < n; i++) {
            int symbol = symbolOf[chars[i]];
            // A run of white space is one space: one branch, taken only inside a run, rather than
            // one on whether this is white space, which a text of words makes hard to predict.
            boolean space = symbol == spaceSymbol;
            if (space & afterSpace) {
                continue;
            }
            afterSpace = space;
            position++;
            rawAt[position] = i;
            // An ASCII symbol: the state's full row, else the one edge of a phrase's tail or the
            // row its link names; else (or on FAR) the state's record.
            int target = FAR;
            if (symbol < dense) {
                if (state < denseStates) {
                    target = table[(state << rowShift) + symbol];
                } else {
                    int l = link[state];
                    target = (char) l == symbol ? state + 1 : table[((l >>> 16) << rowShift) + symbol];
                }
            }
            state = target != FAR ? target : step(state, symbol);
            // Every state is written down, and kept (the count moves on) only when it ends a
            // phrase: no branch on the phrase-end bit, whose load the table's chain does not wait on.
            endStates[found] = state;
            endPositions[found] = position;
            found += (int) (endsPhrase[state >>> 6] >>> state) & 1;
        }
        for (int e = 0; e < found; e++) {
            int ended = endStates[e];
            int at = endPositions[e];
            int i = rawAt[at];
            for (int k = outputStart[ended], end = outputStart[ended + 1]; k < end; k++) {
                int p = outputList[k];
                byte flags = boundaries[p];
                if (flags != 0) {
                    if ((flags & TRAILING) != 0 && i + 1 < n && Character.isLetterOrDigit(Character.codePointAt(chars, i + 1, n))) {
                        continue;
                    }
                    if ((flags & TRAILING_HOST) != 0 && continuesHostName(chars, i + 1, n)) {
                        continue;
                    }
                    if ((flags & (LEADING | LEADING_HOST)) != 0) {
                        int start = rawAt[at - lengths[p] + 1];
                        if ((flags & LEADING) != 0 && start > 0 && Character.isLetterOrDigit(Character.codePointBefore(chars, start, 0))) {
                            continue;
                        }
                        if ((flags & LEADING_HOST) != 0 && start > 0 && HostNameLabels.isLabelChar(chars[start - 1])) {
                            continue;
                        }
                    }
                }
                into.add(p, at);
            }
        }
        return into;
    }

    /**
     * Whether the text at {@code at} goes on with the host name a phrase ended in: a letter, digit or
     * hyphen, or a dot followed by one.
     */
    private static boolean continuesHostName(char[] chars, int at, int n) {
        if (at >= n) {
            return false;
        }
        char c = chars[at];
        return HostNameLabels.isLabelChar(c) || c == '.' && at + 1 < n && HostNameLabels.isLabelChar(chars[at + 1]);
    }

    /** An empty result for {@link #scan(CharSequence, Matches)} to fill; not thread-safe. */
    public Matches newMatches() {
        return new Matches(this);
    }

    /** The number of phrases. */
    public int size() {
        return phraseCount;
    }

    /** The length of phrase {@code p} in normalized form, without its word-boundary markers. */
    public int length(int p) {
        return lengths[p];
    }

    /** Whether a scan keeps every end of phrase {@code p}, not only its first and last. */
    public boolean keepsAllEnds(int p) {
        return keepsAllEnds[p];
    }

    /**
     * The phrases found by one {@link #scan}: each once, in order of first occurrence. Positions
     * are ends (the index of the last character) in normalized coordinates.
     */
    public static final class Matches {
        private static final int SMALL = 16;
        /** Arrays longer than this are not kept from one scan to the next. */
        private static final int LARGE = 512;
        /** A text buffer longer than this is not kept from one scan to the next. */
        private static final int LARGE_TEXT = 1 << 16;
        /** Position buffers longer than this (three ints a character) are not kept from one scan to the next. */
        private static final int LARGE_POSITIONS = 1 << 12;
        private final PhraseIndex index;
        private final boolean[] keepsAllEnds;
        /** Per normalized position of the last scan, its raw index in the text: for leading word boundaries. */
        private int[] positions = NONE;
        /** The states a scan reached that end a phrase, and their positions (written for every position, kept for those). */
        private int[] endStates = NONE;
        private int[] endPositions = NONE;
        private int count;
        private int[] phrases = new int[8];
        private int[] firsts = new int[8];
        private int[] lasts = new int[8];
        /** Per match, while {@link #slots} is in use: the slot it has there, so that a clear empties those slots only. */
        private int[] slotOf = new int[8];
        /**
         * Phrase to match position once more than {@link #SMALL} phrases occur: open addressing,
         * keys {@code phrase + 1} at even indexes, positions at odd ones; sized by the matches
         * found, not by the number of phrases.
         */
        private int[] slots;
        /** Per match, every end once a kept phrase occurs twice (else null); allocated on first need. */
        private int[][] ends;
        private int[] endCounts;
        /**
         * Whether a scan grew an array of {@link #ends} past {@link #LARGE} since the last clear: only
         * then are the arrays read, so that a clear does not load the header of every one.
         */
        private boolean largeEnds;

        /**
         * One bit per phrase of the index, set when it occurs: a phrase's first occurrence, and a
         * question about a phrase that does not occur (most of those a rule of several phrases
         * asks), are answered without a search of the matches.
         */
        private final long[] present;

        /** The text of a {@link #scan(CharSequence, Matches)}, copied; null until one, and after a long one. */
        private char[] chars;

        private Matches(PhraseIndex index) {
            this.index = index;
            this.keepsAllEnds = index.keepsAllEnds;
            this.present = new long[(index.phraseCount + 63) >>> 6];
        }

        /** This result's text buffer, at least {@code n} long; a long text's is not kept after its scan (see {@link #clear}). */
        private char[] chars(int n) {
            if (chars == null || chars.length < n) {
                chars = new char[Math.max(n, 256)];
            }
            return chars;
        }

        /** The buffers for a scan of a text of {@code n} characters, grown when shorter. */
        private int[] positions(int n) {
            if (positions.length < n + 1) {
                int length = Math.max(n + 1, Math.min(2 * positions.length, LARGE_POSITIONS));
                positions = new int[length];
                endStates = new int[length];
                endPositions = new int[length];
            }
            return positions;
        }

        /**
         * Forgets every match, keeping the arrays for the next scan; those a long text made large
         * are dropped, so that it costs neither memory nor clearing time in every later scan.
         */
        private void clear() {
            if (chars != null && chars.length > LARGE_TEXT) {
                chars = null;
            }
            if (positions.length > LARGE_POSITIONS) {
                positions = NONE;
                endStates = NONE;
                endPositions = NONE;
            }
            if (endCounts != null) {
                if (largeEnds) {
                    for (int i = 0; i < count; i++) {
                        if (ends[i] != null && ends[i].length > LARGE) {
                            ends[i] = null;
                        }
                    }
                    largeEnds = false;
                }
                for (int i = 0; i < count; i++) {
                    endCounts[i] = 0;
                }
            }
            if (slots != null) {
                if (slots.length > LARGE) {
                    slots = null;
                } else {
                    for (int i = 0; i < count; i++) {
                        slots[2 * slotOf[i]] = 0;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                present[phrases[i] >>> 6] = 0;
            }
            count = 0;
        }

        private void add(int phrase, int end) {
            long bit = 1L << phrase;
            if ((present[phrase >>> 6] & bit) != 0) {
                int at = find(phrase);
                if (keepsAllEnds[phrase]) {
                    keep(at, end);
                }
                lasts[at] = end;
                return;
            }
            present[phrase >>> 6] |= bit;
            if (count == phrases.length) {
                phrases = Arrays.copyOf(phrases, count * 2);
                firsts = Arrays.copyOf(firsts, count * 2);
                lasts = Arrays.copyOf(lasts, count * 2);
                slotOf = Arrays.copyOf(slotOf, count * 2);
                if (ends != null) {
                    ends = Arrays.copyOf(ends, count * 2);
                    endCounts = Arrays.copyOf(endCounts, count * 2);
                }
            }
            phrases[count] = phrase;
            firsts[count] = end;
            lasts[count] = end;
            count++;
            if (slots != null) {
                if (count * 4 > slots.length) {
                    rehash(slots.length * 2);
                } else {
                    put(phrase, count - 1);
                }
            } else if (count > SMALL) {
                rehash(Integer.highestOneBit(count) * 8);
            }
        }

        private void rehash(int length) {
            slots = new int[length];
            for (int i = 0; i < count; i++) {
                put(phrases[i], i);
            }
        }

        private void put(int phrase, int at) {
            int mask = slots.length / 2 - 1;
            int k = mix(phrase) & mask;
            while (slots[2 * k] != 0) {
                k = (k + 1) & mask;
            }
            slots[2 * k] = phrase + 1;
            slots[2 * k + 1] = at;
            slotOf[at] = k;
        }

        private static int mix(int phrase) {
            int h = phrase * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        /** Records a second or later end of match {@code at}. */
        private void keep(int at, int end) {
            if (ends == null) {
                ends = new int[phrases.length][];
                endCounts = new int[phrases.length];
            }
            int[] own = ends[at];
            if (endCounts[at] == 0) {
                if (own == null) {
                    own = new int[4];
                    ends[at] = own;
                }
                own[0] = firsts[at];
                endCounts[at] = 1;
            } else if (endCounts[at] == own.length) {
                own = Arrays.copyOf(own, own.length * 2);
                ends[at] = own;
                largeEnds |= own.length > LARGE;
            }
            own[endCounts[at]++] = end;
        }

        /** How many distinct phrases occur. */
        public int count() {
            return count;
        }

        /** The phrase index of match {@code i}. */
        public int phrase(int i) {
            return phrases[i];
        }

        /** Where match {@code i} first ends. */
        public int first(int i) {
            return firsts[i];
        }

        /** Where match {@code i} last ends. */
        public int last(int i) {
            return lasts[i];
        }

        /**
         * The earliest end of match {@code i} at or after {@code from}, or -1 when it has none.
         * Binary search over the ends kept.
         *
         * @throws IllegalStateException when the index does not keep all ends of that phrase
         */
        public int endAtOrAfter(int i, int from) {
            requireKept(i);
            if (firsts[i] >= from) {
                return firsts[i];
            }
            if (lasts[i] < from) {
                return -1;
            }
            int[] own = ends[i];  // first < from <= last: at least two ends, all kept
            int at = Arrays.binarySearch(own, 0, endCounts[i], from);
            return own[at >= 0 ? at : -at - 1];
        }

        /**
         * Every end of match {@code i}, in increasing order (a copy).
         *
         * @throws IllegalStateException when the index does not keep all ends of that phrase
         */
        public int[] ends(int i) {
            requireKept(i);
            if (ends == null || endCounts[i] == 0) {
                return new int[] {firsts[i]};
            }
            return Arrays.copyOf(ends[i], endCounts[i]);
        }

        private void requireKept(int i) {
            if (!keepsAllEnds[phrases[i]]) {
                throw new IllegalStateException("the index keeps only the first and last ends of phrase " + phrases[i]);
            }
        }

        /** The position in this list of {@code phrase}, or -1 when it does not occur. */
        public int indexOf(int phrase) {
            int word = phrase >>> 6;
            return word >= present.length || (present[word] & (1L << phrase)) == 0 ? -1 : find(phrase);
        }

        /** The position in this list of {@code phrase}, which occurs. */
        private int find(int phrase) {
            if (slots != null) {
                int mask = slots.length / 2 - 1;
                for (int k = mix(phrase) & mask; slots[2 * k] != 0; k = (k + 1) & mask) {
                    if (slots[2 * k] == phrase + 1) {
                        return slots[2 * k + 1];
                    }
                }
                return -1;
            }
            for (int i = 0; i < count; i++) {
                if (phrases[i] == phrase) {
                    return i;
                }
            }
            return -1;
        }
    }
}
