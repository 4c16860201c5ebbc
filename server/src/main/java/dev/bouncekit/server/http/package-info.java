/**
 * The receiver's HTTP server, on the JDK's {@code com.sun.net.httpserver}: the web page at {@code /},
 * the API v1 under {@code /api/v1} (described by {@code /api/v1/openapi.json}), health checks, CORS,
 * and the unversioned {@code /api} aliases. {@link dev.bouncekit.server.http.ReceiverHttpApi} starts it.
 */
package dev.bouncekit.server.http;
