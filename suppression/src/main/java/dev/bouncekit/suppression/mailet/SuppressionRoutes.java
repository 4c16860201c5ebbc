package dev.bouncekit.suppression.mailet;

import dev.bouncekit.suppression.DurationText;
import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.TypedAddress;
import com.google.inject.Inject;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import spark.Request;
import spark.Response;
import spark.Route;
import spark.Service;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A James WebAdmin route over the suppression list, loaded from {@code extensions-jars/} by
 * {@code extensions.routes=dev.bouncekit.suppression.mailet.SuppressionRoutes} in
 * {@code webadmin.properties}. It opens the store named by {@code store} in
 * {@code conf/bouncekit-suppression.properties} (default {@value StoreLocation#DEFAULT}), shared with
 * the mailet and matchers of the same James when they name the same store.
 * <ul>
 *   <li>{@code GET /bouncekit/suppressions?contains=TEXT&limit=N&all=true}: the entries, as JSON;
 *       without {@code all}, the suppressed ones only;</li>
 *   <li>{@code GET /bouncekit/suppressions/ADDRESS}: one entry, or 404;</li>
 *   <li>{@code PUT /bouncekit/suppressions/ADDRESS?reason=userunknown&expires=30d}: suppress by hand
 *       (reason default {@code suppressed}, expiry default {@code never}), 204;</li>
 *   <li>{@code DELETE /bouncekit/suppressions/ADDRESS}: take it off the list, 204, or 404.</li>
 * </ul>
 * A bad request (a parameter a request does not read, a body) answers 400, a store that cannot answer
 * 503, each with a JSON message.
 */
public class SuppressionRoutes implements Routes {

    /** Where the routes live. */
    public static final String BASE_PATH = "/bouncekit/suppressions";
    /** The file naming the store, in James's {@code conf/}. */
    public static final String CONFIGURATION = "file://conf/bouncekit-suppression.properties";

    private static final int DEFAULT_LIMIT = 1_000;

    private final FileSystem fileSystem;
    private final JsonTransformer json;
    private SuppressionStore store;

    /** The route as James creates it. */
    @Inject
    public SuppressionRoutes(FileSystem fileSystem, JsonTransformer json) {
        this.fileSystem = fileSystem;
        this.json = json;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        store = SharedStores.acquire(StoreLocation.resolve(configuredStore(), fileSystem));
        service.get(BASE_PATH, guarded(this::list, "contains", "limit", "all"), json);
        service.get(BASE_PATH + "/:address", guarded(this::find), json);
        service.put(BASE_PATH + "/:address", guarded(this::add, "reason", "expires"), json);
        service.delete(BASE_PATH + "/:address", guarded(this::remove), json);
    }

    private String configuredStore() {
        File file;
        try {
            file = fileSystem.getFile(CONFIGURATION);
        } catch (FileNotFoundException e) {
            return null;
        }
        if (!file.isFile()) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file.toPath())) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties.getProperty("store");
    }

    private Route guarded(Route route, String... parameters) {
        List<String> known = List.of(parameters);
        return (request, response) -> {
            try {
                checkParameters(request, known);
                return route.handle(request, response);
            } catch (IllegalArgumentException e) {
                return error(response, 400, "InvalidArgument", e.getMessage());
            } catch (StoreUnavailableException e) {
                return error(response, 503, "ServerError", e.getMessage());
            }
        };
    }

    /** A parameter no handler reads, or a body, would be ignored silently: a typo such as {@code expire=30d}. */
    private static void checkParameters(Request request, List<String> known) {
        for (String name : request.queryParams()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; this request reads "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        String body = request.body();
        if (body != null && !body.isBlank()) {
            throw new IllegalArgumentException("this request reads no body; give reason and expires as query parameters:"
                    + " ?reason=userunknown&expires=30d");
        }
    }

    private Object list(Request request, Response response) {
        String limitText = request.queryParams("limit");
        int limit;
        try {
            limit = limitText == null ? DEFAULT_LIMIT : Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be a number, 0 or more, not '" + limitText + "'");
        }
        String allText = request.queryParams("all");
        if (allText != null && !allText.equalsIgnoreCase("true") && !allText.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("all must be true or false, not '" + allText + "'");
        }
        boolean all = Boolean.parseBoolean(allText);
        Instant now = Instant.now();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Suppression entry : store.list(request.queryParams("contains"), all ? limit : Integer.MAX_VALUE)) {
            if (entries.size() >= limit) {
                break;
            }
            if (all || entry.isActive(now)) {
                entries.add(json(entry, now));
            }
        }
        return entries;
    }

    private Object find(Request request, Response response) {
        String address = request.params(":address");
        return store.find(address).<Object>map(entry -> json(entry, Instant.now()))
                .orElseGet(() -> error(response, 404, "notFound", address + " is not on the list"));
    }

    private Object add(Request request, Response response) {
        // the reasons a hand-made entry may have, not every reason
        String reason = Suppression.manualReason(request.queryParamOrDefault("reason", "suppressed"));
        String expires = request.queryParams("expires");
        Instant now = Instant.now();
        Suppression entry = Suppression.manual(TypedAddress.normalize(request.params(":address")), reason, now,
                expires == null || expires.trim().equalsIgnoreCase("never") ? null
                        : now.plus(DurationText.parse("expires", expires)));
        store.put(entry);
        response.status(204);
        return "";
    }

    private Object remove(Request request, Response response) {
        String address = request.params(":address");
        if (!store.remove(address)) {
            return error(response, 404, "notFound", address + " is not on the list");
        }
        response.status(204);
        return "";
    }

    private static Map<String, Object> json(Suppression entry, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", entry.address());
        json.put("reason", entry.reason());
        json.put("provider", entry.provider());
        json.put("status", entry.status());
        json.put("firstSeen", entry.firstSeen().toString());
        json.put("lastSeen", entry.lastSeen().toString());
        json.put("count", entry.count());
        json.put("suppressed", entry.isActive(now));
        json.put("suppressedAt", entry.suppressedAt() == null ? null : entry.suppressedAt().toString());
        json.put("expiresAt", entry.expiresAt() == null ? null : entry.expiresAt().toString());
        return json;
    }

    private static Map<String, Object> error(Response response, int status, String type, String message) {
        response.status(status);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("statusCode", status);
        json.put("type", type);
        json.put("message", message);
        return json;
    }
}
