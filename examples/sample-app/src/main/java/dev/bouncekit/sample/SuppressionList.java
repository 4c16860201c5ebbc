package dev.bouncekit.sample;

import dev.bouncekit.classify.Classification;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Addresses never to mail again, each with the classification that put it there. Thread-safe. */
public final class SuppressionList {

    private final Map<String, Classification> entries = new ConcurrentHashMap<>();

    /** Adds an address. */
    public void suppress(String address, Classification why) {
        entries.put(key(address), why);
    }

    /** True when the address must not be mailed. */
    public boolean contains(String address) {
        return entries.containsKey(key(address));
    }

    /** Why the address is suppressed. */
    public Optional<Classification> reason(String address) {
        return Optional.ofNullable(entries.get(key(address)));
    }

    /** The suppressed addresses, lower-cased. */
    public Set<String> addresses() {
        return Set.copyOf(entries.keySet());
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
