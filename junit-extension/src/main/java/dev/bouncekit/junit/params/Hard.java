package dev.bouncekit.junit.params;

/** The hard-bounce filter of {@link CatalogSource}: only hard bounces, only others, or both. */
public enum Hard {
    /** Only entries that are hard bounces (the address itself is bad). */
    TRUE,
    /** Only entries that are not hard bounces. */
    FALSE,
    /** Hard or not. */
    ANY
}
