package dev.bouncekit.receiver;

import java.time.Duration;

/**
 * How much a receiver keeps: stored messages, connection transcripts and refusals, each up to a
 * count (the oldest evicted first) and, when {@code maxAge} is set, no older than that; and at most
 * {@code maxExchanges} exchanges per connection (the greeting and the latest ones kept), and as many
 * of its latest accepted recipients and stored message ids. Evictions
 * are counted ({@link Evictions}). A receiver whose messages are bounded keeps them only in its own
 * store, not in GreenMail's mailboxes, so that memory stays bounded.
 *
 * @param maxMessages   stored messages kept, at least 1; {@link Integer#MAX_VALUE} for all
 * @param maxAge        how long anything is kept; null for no age limit
 * @param maxTranscripts connection transcripts kept, at least 1
 * @param maxRefusals   refusals kept, at least 1
 * @param maxExchanges  exchanges kept per connection, at least 2
 */
public record Retention(int maxMessages, Duration maxAge, int maxTranscripts, int maxRefusals, int maxExchanges) {

    /** What {@code bouncekit serve} keeps unless told otherwise: 1,000 of each, 500 exchanges a connection. */
    public static final Retention SERVE_DEFAULTS = new Retention(1_000, null, 1_000, 1_000, 500);

    /** Everything, for as long as the receiver runs: the default of an embedded receiver in a test. */
    public static final Retention UNLIMITED = new Retention(Integer.MAX_VALUE, null, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Integer.MAX_VALUE);

    /** @throws InvalidSettingException naming the bound at fault */
    public Retention {
        positive("max messages", maxMessages, 1);
        positive("max transcripts", maxTranscripts, 1);
        positive("max refusals", maxRefusals, 1);
        positive("max exchanges", maxExchanges, 2);
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new InvalidSettingException("max age", "be positive", DurationText.format(maxAge), false);
        }
    }

    /** The same with this many messages kept. */
    public Retention withMaxMessages(int n) {
        return new Retention(n, maxAge, maxTranscripts, maxRefusals, maxExchanges);
    }

    /** The same with this age limit (null for none). */
    public Retention withMaxAge(Duration age) {
        return new Retention(maxMessages, age, maxTranscripts, maxRefusals, maxExchanges);
    }

    /** The same with this many transcripts kept. */
    public Retention withMaxTranscripts(int n) {
        return new Retention(maxMessages, maxAge, n, maxRefusals, maxExchanges);
    }

    /** The same with this many refusals kept. */
    public Retention withMaxRefusals(int n) {
        return new Retention(maxMessages, maxAge, maxTranscripts, n, maxExchanges);
    }

    /** The same with this many exchanges kept per connection. */
    public Retention withMaxExchanges(int n) {
        return new Retention(maxMessages, maxAge, maxTranscripts, maxRefusals, n);
    }

    /** True when messages are kept without a count or age limit (then also in GreenMail's mailboxes). */
    public boolean keepsAllMessages() {
        return maxMessages == Integer.MAX_VALUE && maxAge == null;
    }

    private static void positive(String what, int value, int least) {
        if (value < least) {
            throw new InvalidSettingException(what, "be at least " + least, String.valueOf(value), false);
        }
    }
}
