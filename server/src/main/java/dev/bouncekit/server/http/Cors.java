package dev.bouncekit.server.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which browser origins may call the HTTP API: by default pages served from a loopback host
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, any port), else the origins given, or
 * {@code *} for every one. An allowed origin gets {@code Access-Control-Allow-Origin}; a preflight
 * ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered 204 with the methods
 * and headers allowed.
 */
public final class Cors {

    private final List<String> origins;

    private Cors(List<String> origins) {
        this.origins = origins;
    }

    /** Loopback origins only: the default. */
    public static Cors loopback() {
        return new Cors(List.of());
    }

    /**
     * These origins ({@code scheme://host[:port]} with {@code http} or {@code https}, as browsers
     * send them in {@code Origin}), or {@code *} for any.
     *
     * @throws IllegalArgumentException naming the first entry that is not an origin
     */
    public static Cors origins(List<String> allowed) {
        return new Cors(allowed.stream().map(Cors::origin).toList());
    }

    /** An origin as given, in lower case and without a trailing {@code /}; refused unless it is one. */
    private static String origin(String given) {
        String origin = given.trim().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (origin.equals("*")) {
            return origin;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new IllegalArgumentException("'" + given.trim() + "' is not an origin; give http:// or https://,"
                    + " a host and an optional port (http://localhost:3000), or * for any");
        }
        return origin;
    }

    /** True when a page from this origin may call the API. */
    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        if (origins.isEmpty()) {
            return isLoopback(o);
        }
        return origins.contains("*") || origins.contains(o);
    }

    /**
     * Adds the CORS headers; answers an {@code OPTIONS} request, a preflight or not, with the
     * methods {@code methodsOfPath} gives for its path (it throws for a path that is not there), and
     * returns true, else false.
     */
    boolean apply(HttpExchange http, Supplier<String> methodsOfPath) throws IOException {
        Headers request = http.getRequestHeaders();
        String origin = request.getFirst("Origin");
        boolean allowed = allows(origin);
        Headers response = http.getResponseHeaders();
        if (allowed) {
            response.set("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
            response.set("Vary", "Origin");
        }
        if (!"OPTIONS".equals(http.getRequestMethod())) {
            return false;
        }
        String methods = methodsOfPath.get();
        response.set("Allow", methods);
        if (allowed && request.getFirst("Access-Control-Request-Method") != null) {
            response.set("Access-Control-Allow-Methods", methods);
            String asked = request.getFirst("Access-Control-Request-Headers");
            response.set("Access-Control-Allow-Headers", asked == null ? "Content-Type" : asked);
            response.set("Access-Control-Max-Age", "600");
        }
        http.sendResponseHeaders(204, -1);
        return true;
    }

    private static boolean isLoopback(String origin) {
        try {
            String host = URI.create(origin).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
