package dev.bouncekit.server.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses a query parameter spelt like one an endpoint reads but not it ({@code max_bounce_rate},
 * {@code maxbouncerate} or {@code Limit}), which would otherwise be passed over and its default used without a word.
 * Parameters of other names (a cache buster such as {@code _=1700000000}) are left alone.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * @param query the request's parameters
     * @param read  the names the endpoint reads
     * @throws ApiError 400 for a parameter that differs from one of {@code read} in case, {@code _} or {@code -} only
     */
    static void requireSpelling(Map<String, String> query, String... read) {
        for (String name : query.keySet()) {
            for (String meant : List.of(read)) {
                if (!name.equals(meant) && folded(name).equals(folded(meant))) {
                    throw new ApiError(400, "query parameter '" + name + "' is not read; did you mean '" + meant + "'?");
                }
            }
        }
    }

    private static String folded(String name) {
        return name.replaceAll("[_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
