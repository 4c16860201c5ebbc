package dev.bouncekit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits {@code classify}'s input into replies: one per non-blank line, or one per paragraph
 * (blocks separated by blank lines) with continuation lines, those that start with white space,
 * folded onto the line before as RFC 5322 and RFC 3464 fold them. Postfix's bounce text
 * ({@code <rcpt>: host X said: 550-5.1.1 ...} over several indented lines) and a DSN's folded
 * {@code Diagnostic-Code} each become one reply.
 */
final class ReplyInput {

    /**
     * One reply of the input.
     *
     * @param line the number of the line it starts on, from 1
     * @param text the reply; a paragraph's lines, folded, joined by {@code \n}
     */
    record Reply(int line, String text) {
    }

    private ReplyInput() {
    }

    /** Hands every reply in {@code in} to {@code each}, in order. */
    static void read(BufferedReader in, boolean paragraphs, Consumer<Reply> each) throws IOException {
        String line;
        int number = 0;
        int start = 0;
        List<String> block = new ArrayList<>();
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                if (!block.isEmpty()) {
                    each.accept(new Reply(start, String.join("\n", block)));
                    block.clear();
                }
                continue;
            }
            if (!paragraphs) {
                each.accept(new Reply(number, line));
                continue;
            }
            if (block.isEmpty()) {
                start = number;
                block.add(line.strip());
            } else if (Character.isWhitespace(line.charAt(0))) {
                int last = block.size() - 1;
                block.set(last, block.get(last) + " " + line.strip());
            } else {
                block.add(line.strip());
            }
        }
        if (!block.isEmpty()) {
            each.accept(new Reply(start, String.join("\n", block)));
        }
    }
}
