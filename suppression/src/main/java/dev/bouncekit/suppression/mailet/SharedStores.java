package dev.bouncekit.suppression.mailet;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.EmailAddress;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.SuppressionStores;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One open store per store in this James: the mailet, the matchers and the WebAdmin route that name
 * the same store share it (a journal file must be opened once per process; a database is better
 * reached through one set of connections), and the lookup caches in front of it. A journal named by
 * different paths (a symbolic link such as {@code /opt/james -> /opt/james-3.8.1}) is one store: they
 * are told apart by the file's real path. Every write through the shared store (a bounce recorded,
 * an address put or removed, by a mailet, the WebAdmin route or any other caller) tells the caches
 * that the address changed, so that an address suppressed or taken off the list here is held back,
 * or sent again, at the next mail; what other processes write is seen within the caches' time to
 * live. Closed when the last user lets it go.
 */
final class SharedStores {

    /** The open stores by their key: a JDBC URL as given, or a journal's real path. */
    private static final Map<String, Shared> OPEN = new HashMap<>();
    /** The open stores by each location their users named them by. */
    private static final Map<String, Shared> NAMED = new HashMap<>();

    private static final class Shared {
        final String key;
        final SuppressionStore store;
        final SuppressionStore view = new Notifying(this);
        final List<LookupCache> caches = new CopyOnWriteArrayList<>();
        final AtomicReference<Runnable> onUnreadableLine;
        int users;

        Shared(String key, SuppressionStore store, AtomicReference<Runnable> onUnreadableLine) {
            this.key = key;
            this.store = store;
            this.onUnreadableLine = onUnreadableLine;
        }

        void changed(String address) {
            caches.forEach(cache -> cache.forget(address));
        }
    }

    private SharedStores() {
    }

    /** The store at {@code location}, opened when nobody has it open yet. */
    static SuppressionStore acquire(String location) {
        return acquire(location, null);
    }

    /**
     * The store at {@code location}, opened when nobody has it open yet; the journal lines it skips
     * as unreadable run {@code onUnreadableLine} (when not null), or the one of an earlier user: one
     * run per line, however many users share the store. What it returns tells the caches registered
     * for the store of each address written through it.
     */
    static synchronized SuppressionStore acquire(String location, Runnable onUnreadableLine) {
        String key = key(location);
        Shared shared = OPEN.get(key);
        if (shared == null) {
            AtomicReference<Runnable> counter = new AtomicReference<>(onUnreadableLine);
            SuppressionStore store = SuppressionStores.open(location, () -> {
                Runnable count = counter.get();
                if (count != null) {
                    count.run();
                }
            });
            shared = new Shared(key, store, counter);
            OPEN.put(key, shared);
        } else if (onUnreadableLine != null) {
            shared.onUnreadableLine.compareAndSet(null, onUnreadableLine);
        }
        NAMED.put(location, shared);
        shared.users++;
        return shared.view;
    }

    /** Lets {@code cache} hear of the addresses written through the store at {@code location}. */
    static synchronized void register(String location, LookupCache cache) {
        Shared shared = NAMED.get(location);
        if (shared != null) {
            shared.caches.add(cache);
        }
    }

    /** Lets go of the store at {@code location} (and of {@code cache}, when not null); the last user closes it. */
    static synchronized void release(String location, LookupCache cache) {
        Shared shared = NAMED.get(location);
        if (shared == null) {
            return;
        }
        if (cache != null) {
            shared.caches.remove(cache);
        }
        if (--shared.users <= 0) {
            OPEN.remove(shared.key);
            NAMED.values().removeIf(named -> named == shared);
            shared.store.close();
        }
    }

    /**
     * What tells two locations of one store apart: a JDBC URL as it is; a journal by the real path of
     * its file, or, before it exists, of its nearest existing directory followed by the rest.
     */
    static String key(String location) {
        if (location.startsWith("jdbc:")) {
            return location;
        }
        Path path;
        try {
            path = Path.of(location).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return location;
        }
        Path rest = Path.of("");
        for (Path existing = path; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(rest).toString();
            } catch (IOException e) {
                if (existing.getFileName() == null) {
                    break;
                }
                rest = existing.getFileName().resolve(rest);
            }
        }
        return path.toString();
    }

    /** The shared store as its users see it: each write, done or failed, tells the caches which address it was about. */
    private static final class Notifying implements SuppressionStore {

        private final Shared shared;

        Notifying(Shared shared) {
            this.shared = shared;
        }

        @Override
        public Optional<Suppression> record(Bounce bounce, SuppressionPolicy policy) {
            try {
                return shared.store.record(bounce, policy);
            } finally {
                shared.changed(bounce.address());
            }
        }

        @Override
        public Set<String> suppressed(Collection<String> addresses, Instant now) {
            return shared.store.suppressed(addresses, now);
        }

        @Override
        public Optional<Suppression> find(String address) {
            return shared.store.find(address);
        }

        @Override
        public List<Suppression> list(String contains, int limit) {
            return shared.store.list(contains, limit);
        }

        @Override
        public void put(Suppression suppression) {
            try {
                shared.store.put(suppression);
            } finally {
                shared.changed(suppression.address());
            }
        }

        @Override
        public void putAll(Collection<Suppression> suppressions) {
            try {
                shared.store.putAll(suppressions);
            } finally {
                suppressions.forEach(suppression -> shared.changed(suppression.address()));
            }
        }

        @Override
        public boolean remove(String address) {
            String key = EmailAddress.normalize(address);
            try {
                return shared.store.remove(key);
            } finally {
                shared.changed(key);
            }
        }

        @Override
        public String location() {
            return shared.store.location();
        }

        /** Nothing: the shared store is closed by {@link SharedStores#release} when its last user lets it go. */
        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return shared.store.toString();
        }
    }
}
