package dev.bouncekit.cli;

/** How {@code classify} reads its input: {@code --input lines|paragraph|jsonl}. */
enum InputFormat {
    /** One reply per line; blank lines are skipped. */
    lines,
    /**
     * One reply per paragraph: blocks of lines separated by blank lines, each line that starts with
     * white space folded onto the one before (RFC 5322 and RFC 3464 folding, as in a DSN's
     * {@code Diagnostic-Code} and in Postfix's bounces).
     */
    paragraph,
    /** One JSON object per line: {@code {"id", "reply", "stage", "remoteHost", "recipient"}}. */
    jsonl
}
