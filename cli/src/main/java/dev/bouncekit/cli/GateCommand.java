package dev.bouncekit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bouncekit gate}: asks a running {@code bouncekit serve} for its release gate
 * ({@code GET /api/v1/gate}), prints each check, and exits 1 when one failed, so that a CI job in
 * any language ends with one command.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = {"Check the release gate of a running 'bouncekit serve': no retry after a permanent refusal, "
                + "a retry after each temporary one, and a bounce rate under a limit.",
                "Exit status: 0 passed, 1 failed, 2 the server could not be asked."})
public final class GateCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8025", paramLabel = "URL",
            description = "The HTTP address of 'bouncekit serve', or of its API (.../api/v1). Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--max-bounce-rate", defaultValue = "2", paramLabel = "PERCENT", converter = PercentConverter.class,
            description = "The bounce rate must be below this, in percent (2, 0.5 or 2%%); 0 lets no permanent refusal pass. "
                    + "Default: ${DEFAULT-VALUE}.")
    double maxBounceRate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UnreadVariables.warn(spec, OneLineErrors.lines(spec.commandLine().getErr()));
        if (!(maxBounceRate >= 0 && maxBounceRate <= 100)) {
            // the user's mistake, in the option's name, before anything is asked
            boolean given = spec.commandLine().getParseResult().hasMatchedOption("--max-bounce-rate");
            String shown = Double.isFinite(maxBounceRate) && maxBounceRate == Math.rint(maxBounceRate)
                    && Math.abs(maxBounceRate) < 1e15 ? Long.toString((long) maxBounceRate) : Double.toString(maxBounceRate);
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-bounce-rate must be a percentage from 0 to 100, not " + shown,
                    given ? null : spec.findOption("--max-bounce-rate"), shown);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = OneLineErrors.lines(spec.commandLine().getErr());
        // the address of serve, or of its API as serve's banner shows it (http://127.0.0.1:8025/api/v1)
        String base = url.replaceAll("/+$", "").replaceAll("/api(/v1)?$", "");
        String wrong = notHttp(url, base);
        if (wrong != null) {
            err.println("bouncekit gate: --url " + url + ": not an HTTP address (" + wrong
                    + "); give one such as http://127.0.0.1:8025");
            err.flush();
            return 2;
        }
        JsonNode gate;
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create(base + "/api/v1/gate?maxBounceRate="
                            + String.format(Locale.ROOT, "%s", maxBounceRate))).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            gate = json(response.body());
            String error = gate == null ? null : gate.path("error").textValue();
            if (error != null) {
                err.println("bouncekit gate: " + base + " answered " + response.statusCode() + ": " + error);
                err.flush();
                return 2;
            }
            if (response.statusCode() != 200 || gate == null || !gate.path("passed").isBoolean()) {
                err.println("bouncekit gate: " + base + " answered " + response.statusCode() + (gate == null
                        ? " with " + response.headers().firstValue("Content-Type").orElse("a body") + ", not JSON"
                        : " without a release gate") + "; give the HTTP address of 'bouncekit serve' with --url");
                err.flush();
                return 2;
            }
            String missing = missingField(gate);
            if (missing != null) {
                // another server's {"passed":true} would pass the gate and print "limit %"
                err.println("bouncekit gate: " + base + " answered without " + missing
                        + ": not a bouncekit gate report; give the HTTP address of 'bouncekit serve' with --url");
                err.flush();
                return 2;
            }
        } catch (IllegalArgumentException e) {
            err.println("bouncekit gate: --url " + url + ": not an HTTP address (" + reason(e)
                    + "); give one such as http://127.0.0.1:8025");
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("bouncekit gate: cannot ask " + base + ": " + reason(e)
                    + "; is 'bouncekit serve' running there? give its HTTP address with --url");
            err.flush();
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        boolean passed = gate.path("passed").asBoolean();
        out.printf(Locale.ROOT, "Release gate %s (bounce rate %.2f%%, limit %s%%)%n", passed ? "PASSED" : "FAILED",
                gate.path("bounceRate").asDouble(), gate.path("maxBounceRate").asText());
        for (JsonNode check : gate.path("checks")) {
            out.println("  " + (check.path("passed").asBoolean() ? "pass  " : "FAIL  ") + check.path("name").asText());
            String evidence = check.path("evidence").asText("");
            if (!evidence.isEmpty()) {
                for (String line : evidence.split("\n")) {
                    out.println("        " + line);
                }
            }
        }
        long evicted = gate.path("evicted").asLong(0);
        long dropped = gate.path("droppedExchanges").asLong(0);
        if (evicted > 0 || dropped > 0) {
            // the verdict is over what retention kept: say what it could not see
            long kept = gate.path("connections").asLong(0);
            out.println("  note  the gate judged the " + kept + (kept == 1 ? " connection" : " connections") + " kept"
                    + (evicted == 0 ? "" : "; " + evicted + (evicted == 1 ? " older one was" : " older ones were")
                    + " evicted (serve --max-transcripts)")
                    + (dropped == 0 ? "" : "; " + dropped + (dropped == 1 ? " exchange was" : " exchanges were")
                    + " dropped from long connections (serve --max-exchanges)")
                    + " and could not be judged");
        }
        out.flush();
        return passed ? 0 : 1;
    }

    /**
     * The first field of a bouncekit gate report that {@code gate} lacks, as the error names it
     * ({@code a number 'bounceRate'}), or null when it has them all.
     */
    private static String missingField(JsonNode gate) {
        if (!gate.path("bounceRate").isNumber()) {
            return "a number 'bounceRate'";
        }
        if (!gate.path("maxBounceRate").isNumber()) {
            return "a number 'maxBounceRate'";
        }
        if (!gate.path("checks").isArray()) {
            return "an array 'checks'";
        }
        return null;
    }

    /**
     * Why {@code url} ({@code base}: without its trailing slashes and API path) is no HTTP address,
     * in the user's terms, or null when it is one: the JDK's own message names the whole request
     * URI, with the path the command adds.
     */
    private static String notHttp(String url, String base) {
        if (!url.contains("://")) {
            return base.matches("[^/:@\\s]+:[0-9]+") ? "no scheme; did you mean http://" + base + "?" : "no http://";
        }
        try {
            URI uri = new URI(base);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                return "invalid URI scheme " + uri.getScheme();
            }
            if (uri.getHost() == null) {
                return "no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return e.getMessage();
        }
    }

    /** The body as JSON, or null when it is not JSON. */
    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What went wrong, on one line: the JDK's client throws a {@code ConnectException} with no
     * message for a refused connection (its cause, a {@code ClosedChannelException}, has none
     * either), and wraps the cause of others.
     */
    private static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException && cause.getMessage() == null) {
                return "connection refused";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer in time";
            }
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.strip().lines().findFirst().orElse("");
    }
}
