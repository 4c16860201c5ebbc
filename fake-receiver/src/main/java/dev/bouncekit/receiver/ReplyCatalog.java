package dev.bouncekit.receiver;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The replies the fake receiver can send by name: bouncekit's built-in {@link Catalog} plus a few
 * aliases, names that users know a reply by but that are not catalog ids
 * ({@code outlook/spamhaus-blocked} for {@code outlook/spamhaus-client}).
 *
 * <p>Aliases live in {@code /dev/bouncekit/receiver/catalog-aliases.txt}, one
 * {@code alias -> catalog id} per line.
 */
public final class ReplyCatalog {

    private static final String ALIASES = "/dev/bouncekit/receiver/catalog-aliases.txt";
    private static final ReplyCatalog BUILT_IN = new ReplyCatalog(Catalog.builtIn(), loadAliases(Catalog.builtIn()));

    private final Catalog catalog;
    private final Map<String, String> aliases;

    private ReplyCatalog(Catalog catalog, Map<String, String> aliases) {
        this.catalog = catalog;
        this.aliases = Collections.unmodifiableMap(aliases);
    }

    /** The built-in catalog with the built-in aliases. */
    public static ReplyCatalog builtIn() {
        return BUILT_IN;
    }

    /** The catalog behind the ids. */
    public Catalog catalog() {
        return catalog;
    }

    /** Alias to catalog id, in file order. */
    public Map<String, String> aliases() {
        return aliases;
    }

    /** The entry for a catalog id or alias, case-insensitive. */
    public Optional<CatalogEntry> resolve(String idOrAlias) {
        if (idOrAlias == null) {
            return Optional.empty();
        }
        String key = idOrAlias.trim().toLowerCase(Locale.ROOT);
        Optional<CatalogEntry> entry = catalog.byId(key);
        if (entry.isPresent()) {
            return entry;
        }
        String target = aliases.get(key);
        return target == null ? Optional.empty() : catalog.byId(target);
    }

    /**
     * The entry for a catalog id or alias.
     *
     * @throws IllegalArgumentException naming the unknown id
     */
    public CatalogEntry require(String idOrAlias) {
        return resolve(idOrAlias).orElseThrow(() -> new IllegalArgumentException("unknown catalog id '" + idOrAlias
                + "'; ids look like gmail/user-unknown (list them with 'bouncekit catalog' or GET /api/catalog)"));
    }

    private static Map<String, String> loadAliases(Catalog catalog) {
        Map<String, String> out = new LinkedHashMap<>();
        InputStream in = ReplyCatalog.class.getResourceAsStream(ALIASES);
        if (in == null) {
            throw new IllegalStateException("catalog aliases missing from the class path: " + ALIASES);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                int arrow = text.indexOf("->");
                if (arrow <= 0) {
                    throw new IllegalStateException("catalog-aliases.txt:" + number + ": expected 'alias -> id'");
                }
                String alias = text.substring(0, arrow).strip().toLowerCase(Locale.ROOT);
                String target = text.substring(arrow + 2).strip().toLowerCase(Locale.ROOT);
                if (catalog.byId(target).isEmpty()) {
                    throw new IllegalStateException("catalog-aliases.txt:" + number + ": unknown catalog id " + target);
                }
                if (catalog.byId(alias).isPresent()) {
                    throw new IllegalStateException("catalog-aliases.txt:" + number + ": " + alias + " is a catalog id");
                }
                out.put(alias, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
