package dev.bouncekit.junit.params;

/** The failure filter of {@link CatalogSource}: permanent (5xx) replies, temporary (4xx) ones, or both. */
public enum Failure {
    /** Only permanent failures: 5xx replies. */
    PERMANENT,
    /** Only temporary failures: 4xx replies, those a sender retries. */
    TEMPORARY,
    /** Both. */
    ANY
}
