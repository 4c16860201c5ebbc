package dev.bouncekit.catalog;

import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CatalogMatcher#find}, which hashes and compares without building a signature, against the
 * plain lookup of the reply's signature among the entries' (the first entry of equal signatures):
 * catalog replies as sent, and changed (a word dropped, added or upper-cased, another code, words
 * with digits and letters outside ASCII).
 */
class CatalogMatcherProperties {

    private static final Catalog CATALOG = Catalog.builtIn();
    private static final CatalogMatcher MATCHER = new CatalogMatcher(CATALOG);
    private static final Map<String, CatalogEntry> BY_SIGNATURE = bySignature();

    @Property(tries = 1000)
    void find_is_the_lookup_of_the_signature(@ForAll("replies") String text) {
        SmtpReply reply = ReplyParser.parse(text);
        Optional<CatalogEntry> expected = reply.isEmpty() ? Optional.empty()
                : Optional.ofNullable(BY_SIGNATURE.get(CatalogMatcher.signature(reply)));

        assertThat(MATCHER.find(reply)).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void a_match_is_verbatim_exactly_when_the_text_is_the_entrys(@ForAll("replies") String text) {
        SmtpReply reply = ReplyParser.parse(text);
        int match = MATCHER.match(reply, reply.text());
        if (match == CatalogMatcher.NO_MATCH) {
            assertThat(MATCHER.find(reply)).isEmpty();
            return;
        }
        CatalogEntry entry = MATCHER.entry(match);
        assertThat(MATCHER.find(reply)).containsSame(entry);
        assertThat(MATCHER.entryAt(CatalogMatcher.number(match))).isSameAs(entry);
        assertThat(CatalogMatcher.isVerbatim(match)).isEqualTo(reply.text().equals(entry.reply().text()));
    }

    @Provide
    Arbitrary<String> replies() {
        List<CatalogEntry> entries = CATALOG.entries();
        return Arbitraries.integers().between(0, entries.size() - 1).flatMap(i -> {
            String text = entries.get(i).joined();
            String[] words = text.split(" ");
            return Arbitraries.integers().between(0, 7).flatMap(mode -> Arbitraries.integers().between(0, words.length - 1).map(w -> {
                String[] changed = words.clone();
                switch (mode) {
                    case 0 -> changed[w] = "";
                    case 1 -> changed[w] = changed[w] + " extra";
                    case 2 -> changed[w] = changed[w].toUpperCase(java.util.Locale.ROOT);
                    case 3 -> changed[w] = changed[w] + " A1B2C3D4E5F6G7 192.0.2.7 x@example.org";
                    case 6 -> {
                        return text;
                    }
                    case 7 -> changed[w] = changed[w] + " Ab\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668xyz \u0661.\u0662.\u0663.\u0664 \u00c9COLE x\uff20example.org";
                    default -> {
                        return text.startsWith("5") ? "4" + text.substring(1) : text;
                    }
                }
                return mode == 5 ? text : String.join(" ", changed);
            }));
        });
    }

    private static Map<String, CatalogEntry> bySignature() {
        Map<String, CatalogEntry> out = new HashMap<>();
        for (CatalogEntry entry : CATALOG.entries()) {
            out.putIfAbsent(CatalogMatcher.signature(entry.reply()), entry);
        }
        return out;
    }
}
