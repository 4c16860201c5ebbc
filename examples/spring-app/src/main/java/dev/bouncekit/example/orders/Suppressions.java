package dev.bouncekit.example.orders;

import dev.bouncekit.classify.Classification;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Addresses that bounced hard, never mailed again; in memory, as a database table would hold them. */
@Component
public class Suppressions {

    private final Map<String, Classification> suppressed = new ConcurrentHashMap<>();

    /** Suppresses an address for the reason given. */
    public void suppress(String address, Classification why) {
        suppressed.put(key(address), why);
    }

    /** Whether an address is suppressed (case-insensitive). */
    public boolean contains(String address) {
        return suppressed.containsKey(key(address));
    }

    /** The suppressed addresses, lower-cased, with their reasons. */
    public Map<String, Classification> all() {
        return Map.copyOf(suppressed);
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
