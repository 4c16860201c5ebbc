package dev.bouncekit.cli;

/** How {@code classify} and {@code catalog} write their results: {@code --output jsonl|table}. */
enum OutputFormat {
    /** One JSON object per line. */
    jsonl,
    /** The same as {@link #jsonl}, under its former name. */
    json,
    /** Aligned columns with a header line, for people. */
    table;

    /** True for one JSON object per line. */
    boolean isJsonLines() {
        return this != table;
    }
}
