package dev.bouncekit.suppression;

import dev.bouncekit.suppression.file.JournalFileStore;
import dev.bouncekit.suppression.postgres.PostgresStore;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Opens a store by where it lives: a JDBC URL for PostgreSQL, anything else a journal file path. */
public final class SuppressionStores {

    private SuppressionStores() {
    }

    /**
     * {@code jdbc:postgresql://...} opens a {@link PostgresStore}; another {@code jdbc:} URL is refused;
     * anything else is the path of a {@link JournalFileStore}.
     *
     * @throws IllegalArgumentException   when the location is blank, another database, or not a path
     * @throws StoreUnavailableException when the store cannot be reached or opened
     */
    public static SuppressionStore open(String location) {
        return open(location, () -> { });
    }

    /**
     * As {@link #open(String)}; a journal runs {@code onUnreadableLine} for each line it cannot read
     * and skips (see {@link JournalFileStore#open(Path, Runnable)}).
     */
    public static SuppressionStore open(String location, Runnable onUnreadableLine) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("no store given: a journal file path or a jdbc:postgresql:// URL");
        }
        String trimmed = location.trim();
        if (trimmed.startsWith("jdbc:")) {
            if (!trimmed.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("unsupported database URL '" + trimmed.replaceAll("(?i)password=[^&;]*", "password=***")
                        + "': only jdbc:postgresql://HOST[:PORT]/DATABASE is supported");
            }
            return PostgresStore.open(trimmed);
        }
        try {
            return JournalFileStore.open(Path.of(trimmed), onUnreadableLine);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file path: '" + trimmed + "'", e);
        }
    }
}
