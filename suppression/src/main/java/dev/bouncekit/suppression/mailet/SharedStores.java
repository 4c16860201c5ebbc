package dev.bouncekit.suppression.mailet;

import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.SuppressionStores;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One open store per location in this James: the mailet and the matchers that name the same
 * store share it (a journal file must be opened once per process; a database is better reached
 * through one set of connections), and the lookup caches in front of it, so that an address this
 * node suppresses is held back here at once. Closed when the last user lets it go.
 */
final class SharedStores {

    private static final Map<String, Shared> OPEN = new HashMap<>();

    private static final class Shared {
        final SuppressionStore store;
        final List<LookupCache> caches = new CopyOnWriteArrayList<>();
        final AtomicReference<Runnable> onUnreadableLine;
        int users;

        Shared(SuppressionStore store, AtomicReference<Runnable> onUnreadableLine) {
            this.store = store;
            this.onUnreadableLine = onUnreadableLine;
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
     * run per line, however many users share the store.
     */
    static synchronized SuppressionStore acquire(String location, Runnable onUnreadableLine) {
        Shared shared = OPEN.get(location);
        if (shared == null) {
            AtomicReference<Runnable> counter = new AtomicReference<>(onUnreadableLine);
            SuppressionStore store = SuppressionStores.open(location, () -> {
                Runnable count = counter.get();
                if (count != null) {
                    count.run();
                }
            });
            shared = new Shared(store, counter);
            OPEN.put(location, shared);
        } else if (onUnreadableLine != null) {
            shared.onUnreadableLine.compareAndSet(null, onUnreadableLine);
        }
        shared.users++;
        return shared.store;
    }

    /** Lets {@code cache} hear of addresses suppressed on this node in the store at {@code location}. */
    static synchronized void register(String location, LookupCache cache) {
        Shared shared = OPEN.get(location);
        if (shared != null) {
            shared.caches.add(cache);
        }
    }

    /** Tells the caches in front of {@code location} that {@code address} has just changed. */
    static void changed(String location, String address) {
        Shared shared;
        synchronized (SharedStores.class) {
            shared = OPEN.get(location);
        }
        if (shared != null) {
            shared.caches.forEach(cache -> cache.forget(address));
        }
    }

    /** Lets go of the store at {@code location} (and of {@code cache}, when not null); the last user closes it. */
    static synchronized void release(String location, LookupCache cache) {
        Shared shared = OPEN.get(location);
        if (shared == null) {
            return;
        }
        if (cache != null) {
            shared.caches.remove(cache);
        }
        if (--shared.users <= 0) {
            OPEN.remove(location);
            shared.store.close();
        }
    }
}
