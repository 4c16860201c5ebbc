package dev.bouncekit.status;

import dev.bouncekit.taxonomy.Reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The IANA registry of enhanced status codes (RFC 3463, RFC 5248, X.7.20-X.7.30) with titles, and
 * the reason each code stands for when nothing else in a reply decides. Both are data files under
 * {@code /dev/bouncekit/status/}.
 */
public final class StatusCodeRegistry {

    private static final StatusCodeRegistry BUILT_IN = new StatusCodeRegistry();

    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, String> descriptions = new HashMap<>();
    private final Map<String, Reason> permanentReasons = new HashMap<>();
    private final Map<String, Reason> transientReasons = new HashMap<>();
    /**
     * {@link #reasonOf} answered: per code of class 5 then of class 4, by subject and detail
     * ({@code subject * 1000 + detail}, then {@link #TRANSIENT}), as the two tables say. Made once,
     * so that a lookup neither builds a key nor allocates.
     */
    private final Optional<Reason>[] answers;
    /** Where the class 4 codes start in {@link #answers}. */
    private static final int TRANSIENT = 8 * 1000;

    private StatusCodeRegistry() {
        read("enhanced-status-codes.tsv", (line, cols) -> {
            if (cols.length >= 3 && !cols[0].equals("code")) {
                titles.put(cols[0], cols[1]);
                descriptions.put(cols[0], cols[2]);
            }
        });
        read("status-reasons.tsv", (line, cols) -> {
            if (cols.length != 3) {
                throw new IllegalStateException("status-reasons.tsv:" + line + ": expected 3 columns");
            }
            permanentReasons.put(cols[0], reason(cols[1], line));
            transientReasons.put(cols[0], reason(cols[2], line));
        });
        @SuppressWarnings("unchecked")
        Optional<Reason>[] made = new Optional[2 * TRANSIENT];
        Arrays.fill(made, Optional.empty());
        fill(made, 0, permanentReasons);
        fill(made, TRANSIENT, transientReasons);
        answers = made;
    }

    /** Puts each reason of {@code table} (keys {@code X.S.D}) at its code's place after {@code base}. */
    private static void fill(Optional<Reason>[] answers, int base, Map<String, Reason> table) {
        table.forEach((key, reason) -> {
            EnhancedStatusCode code = EnhancedStatusCode.parse("5" + key.substring(1)).orElseThrow(() ->
                    new IllegalStateException("status-reasons.tsv: not a code X.S.D: " + key));
            answers[base + code.subject() * 1000 + code.detail()] = Optional.ofNullable(reason);
        });
    }

    /** The built-in registry. */
    public static StatusCodeRegistry builtIn() {
        return BUILT_IN;
    }

    /** The IANA title, e.g. "Bad destination mailbox address" for 5.1.1, or empty when unregistered or null. */
    public Optional<String> title(EnhancedStatusCode code) {
        return code == null ? Optional.empty() : Optional.ofNullable(titles.get(key(code)));
    }

    /** The registry's short description of the code, or empty when unregistered or null. */
    public Optional<String> description(EnhancedStatusCode code) {
        return code == null ? Optional.empty() : Optional.ofNullable(descriptions.get(key(code)));
    }

    /** The reason the code stands for on its own, or empty when the code alone decides nothing or is null. */
    public Optional<Reason> reasonOf(EnhancedStatusCode code) {
        if (code == null) {
            return Optional.empty();
        }
        return answers[(code.isTransient() ? TRANSIENT : 0) + code.subject() * 1000 + code.detail()];
    }

    private static String key(EnhancedStatusCode code) {
        return "X." + code.subject() + "." + code.detail();
    }

    private static Reason reason(String id, int line) {
        if (id.equals("-")) {
            return null;
        }
        return Reason.parse(id).orElseThrow(() ->
                new IllegalStateException("status-reasons.tsv:" + line + ": unknown reason " + id));
    }

    private interface Row {
        void accept(int line, String[] cols);
    }

    private static void read(String name, Row row) {
        InputStream in = StatusCodeRegistry.class.getResourceAsStream("/dev/bouncekit/status/" + name);
        if (in == null) {
            throw new IllegalStateException("status data missing from the class path: " + name);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                row.accept(number, line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
