package dev.bouncekit.suppression.mailet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The condition of a matcher as {@code key=value} options separated by {@code ;}, e.g.
 * {@code IsSuppressed=store=jdbc:postgresql://db/mail?user=james;cache=30s}. A value may contain
 * {@code =}; it may not contain {@code ;}.
 */
final class MatcherOptions {

    private MatcherOptions() {
    }

    /**
     * The options of {@code condition} (null or blank: none), refusing keys not in {@code accepted} and a
     * key given twice (the last would win silently); the message does not name the matcher, which its
     * caller puts before it.
     */
    static Map<String, String> parse(String condition, Set<String> accepted) {
        Map<String, String> options = new LinkedHashMap<>();
        if (condition == null || condition.isBlank()) {
            return options;
        }
        for (String item : condition.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String key = eq < 0 ? item.trim() : item.substring(0, eq).trim();
            if (eq < 0 || !accepted.contains(key)) {
                throw new IllegalArgumentException("unknown option '" + item.trim() + "'; accepted: "
                        + String.join(", ", new TreeSet<>(accepted)) + ", as key=value separated by ';'");
            }
            String value = item.substring(eq + 1).trim();
            String earlier = options.putIfAbsent(key, value);
            if (earlier != null) {
                throw new IllegalArgumentException("option " + key + " is given twice ('" + key + "=" + earlier + "' and '"
                        + key + "=" + value + "'); give each option once");
            }
        }
        return options;
    }
}
