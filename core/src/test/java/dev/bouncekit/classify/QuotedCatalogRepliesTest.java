package dev.bouncekit.classify;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reply of the catalog keeps its verdict when it reaches the classifier the way bounces
 * quote it: inside a DSN field, Postfix's and Exchange's wrappers, lower-cased, or with other
 * addresses and IP addresses. What the catalog knows must not hang on the exact text.
 */
class QuotedCatalogRepliesTest {

    private final BounceClassifier classifier = BounceClassifier.builtIn();

    /** The ways a bounce quotes a reply. */
    enum Quoting {
        DSN_FIELD(e -> "Diagnostic-Code: smtp; " + joined(e)),
        POSTFIX(e -> "<someone@example.net>: host mx.example.net[203.0.113.9] said: " + joined(e) + " (in reply to "
                + (e.stage() == null ? "RCPT TO" : switch (e.stage()) {
                    case MAIL -> "MAIL FROM";
                    case DATA -> "end of DATA";
                    case EHLO -> "EHLO";
                    case CONNECT -> "CONNECT";
                    default -> "RCPT TO";
                }) + " command)"),
        EXCHANGE(e -> "Remote Server returned '" + joined(e) + "'"),
        LOWER_CASE(e -> joined(e).toLowerCase(Locale.ROOT)),
        OTHER_ADDRESSES(e -> joined(e).replaceAll("[\\w.+-]+@[\\w.-]+", "someone.else@example.net")
                .replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b", "198.51.100.23"));

        private final Function<CatalogEntry, String> quote;

        Quoting(Function<CatalogEntry, String> quote) {
            this.quote = quote;
        }

        private static String joined(CatalogEntry e) {
            return String.join(" ", e.lines());
        }
    }

    @ParameterizedTest
    @EnumSource(Quoting.class)
    void every_catalog_reply_keeps_its_reason_when_quoted(Quoting quoting) {
        List<String> changed = new ArrayList<>();
        for (CatalogEntry entry : Catalog.builtIn().entries()) {
            String text = quoting.quote.apply(entry);
            Classification c = classifier.classify(text);
            if (c.reason() != entry.reason() && !isStageRefinement(entry, c, quoting)) {
                changed.add(entry.id() + ": " + entry.reason() + " -> " + c.reason() + " (" + c.rule() + ")");
            }
        }
        assertThat(changed).as("catalog replies whose verdict changed when quoted " + quoting).isEmpty();
    }

    /**
     * A quote that loses the stage (no Postfix stage report) may turn a generic "user unknown" into
     * {@code filtered}: Sisimai's rule for a recipient refusal seen at an unknown stage.
     */
    private static boolean isStageRefinement(CatalogEntry entry, Classification c, Quoting quoting) {
        return quoting != Quoting.POSTFIX && entry.reason() == Reason.USERUNKNOWN
                && c.reason() == Reason.FILTERED && c.rule().endsWith("+stage");
    }
}
