package dev.bouncekit.suppression;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The suppression list. Every method is atomic and safe from several threads; the PostgreSQL store
 * is also safe from several processes (James nodes, the CLI), and the file store from several
 * processes on one machine. Methods throw {@link StoreUnavailableException} when the store cannot
 * answer, and {@link IllegalArgumentException} on bad input.
 */
public interface SuppressionStore extends AutoCloseable {

    /**
     * Records {@code bounce} under {@code policy}: counts it, and suppresses the address when the
     * policy says so, in one step that concurrent writers cannot interleave.
     *
     * @return the address's entry after the bounce, or empty when the policy ignores its reason
     *         (sender-, message- or transient-owned) and nothing was stored
     */
    Optional<Suppression> record(Bounce bounce, SuppressionPolicy policy);

    /** Which of {@code addresses} (any form: they are normalized) are suppressed at {@code now}, normalized. */
    Set<String> suppressed(Collection<String> addresses, Instant now);

    /** The entry of {@code address}, suppressed or watched. */
    Optional<Suppression> find(String address);

    /**
     * Entries in address order: all when {@code contains} is null or empty, else those whose
     * address contains it (case-insensitive); at most {@code limit}.
     */
    List<Suppression> list(String contains, int limit);

    /** Puts {@code suppression} in, replacing any entry of its address (add, import). */
    void put(Suppression suppression);

    /**
     * Puts every entry in, replacing those of their addresses, in one step (one lock and one write
     * to disk for the file, one transaction for the database): an import.
     */
    void putAll(Collection<Suppression> suppressions);

    /** Removes the entry of {@code address}; false when there was none. */
    boolean remove(String address);

    /** Where the store lives, for messages: a file path, or a JDBC URL without its password. */
    String location();

    @Override
    void close();
}
