package dev.bouncekit.classify;

/**
 * How a {@link Classification} was decided: which layer of the classifier gave the reason. Callers
 * send weak verdicts ({@link #isWeak()}) to review instead of acting on them.
 */
public enum Evidence {
    /** The reply is a known provider reply from the catalog, word for word. */
    CATALOG("catalog"),
    /** A phrase of the detected provider's own wording. */
    PROVIDER_PHRASE("provider-phrase"),
    /** A phrase of the generic lexicon (any provider, any of the supported languages). */
    PHRASE("phrase"),
    /** The enhanced status code: the provider's own code table, else the IANA registry. */
    STATUS_CODE("status-code"),
    /** A single keyword (spam, virus, quota, ...) and nothing more specific. */
    KEYWORD("keyword"),
    /** Only the status class and subject, the SMTP stage or the basic reply code. */
    FALLBACK("fallback"),
    /** Nothing: {@code onhold} or {@code undefined}. */
    NONE("none");

    private final String id;

    Evidence(String id) {
        this.id = id;
    }

    /** The name used in output: {@code catalog}, {@code provider-phrase}, ... */
    public String id() {
        return id;
    }

    /** True for keyword, fallback and no evidence: verdicts a person should review. */
    public boolean isWeak() {
        return this == KEYWORD || this == FALLBACK || this == NONE;
    }
}
