package dev.bouncekit.server.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the web page's static files from the jar ({@code dev/bouncekit/server/web/}); nothing is built or fetched at run time. */
final class WebPage {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "json", "application/json; charset=utf-8");

    private WebPage() {
    }

    static void send(HttpExchange http, String name) throws IOException {
        if (!name.matches("[a-z0-9-]+\\.[a-z]+")) {
            throw new ApiError(404, "no such file: " + name);
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        try (InputStream in = WebPage.class.getResourceAsStream("/dev/bouncekit/server/web/" + name)) {
            if (in == null || type == null) {
                throw new ApiError(404, "no such file: " + name);
            }
            http.getResponseHeaders().set("Cache-Control", "no-cache");
            http.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; frame-src 'self' data:; "
                    + "img-src 'self' data:; style-src 'self' 'unsafe-inline'");
            HttpIo.send(http, 200, type, in.readAllBytes());
        }
    }
}
