package dev.bouncekit.bench;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.SmtpStage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The realistic input of the classifier benchmarks: every reply of the labelled dev corpus
 * ({@code replies-dev.tsv}, copied into this module's resources, with its SMTP stage when known)
 * followed by every entry of the built-in catalog as Jakarta Mail and Apache James report it
 * (lines joined by {@code \n}, with the entry's stage).
 *
 * @param texts    the reply texts, in corpus order then catalog order
 * @param contexts the delivery context of each text (same index)
 */
public record ReplyMix(List<String> texts, List<DeliveryContext> contexts) {

    private static final String CORPUS = "/dev/bouncekit/bench/replies-dev.tsv";

    /** The system property that picks the mix: {@code dev} for the dev corpus alone. */
    public static final String MIX_PROPERTY = "bouncekit.bench.mix";

    public ReplyMix {
        texts = List.copyOf(texts);
        contexts = List.copyOf(contexts);
        if (texts.size() != contexts.size() || texts.isEmpty()) {
            throw new IllegalArgumentException("a mix needs one context per text and at least one text");
        }
    }

    /**
     * The dev corpus followed by the built-in catalog; the dev corpus alone when the system property
     * {@value #MIX_PROPERTY} is {@code dev} (replies as servers word them, none of them a catalog
     * text word for word).
     */
    public static ReplyMix load() {
        List<String> texts = new ArrayList<>();
        List<DeliveryContext> contexts = new ArrayList<>();
        readCorpus(texts, contexts);
        if ("dev".equals(System.getProperty(MIX_PROPERTY))) {
            return new ReplyMix(texts, contexts);
        }
        for (CatalogEntry entry : Catalog.builtIn().entries()) {
            texts.add(entry.joined());
            contexts.add(DeliveryContext.at(entry.stage()));
        }
        return new ReplyMix(texts, contexts);
    }

    /** The number of replies. */
    public int size() {
        return texts.size();
    }

    private static void readCorpus(List<String> texts, List<DeliveryContext> contexts) {
        InputStream in = ReplyMix.class.getResourceAsStream(CORPUS);
        if (in == null) {
            throw new IllegalStateException("dev corpus missing from the class path: " + CORPUS);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("id\treply\tstage\tremote_host")) {
                throw new IllegalStateException(CORPUS + ": expected columns id, reply, stage, remote_host");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cols = line.split("\t", -1);
                if (cols.length < 4) {
                    continue;
                }
                texts.add(cols[1]);
                DeliveryContext context = DeliveryContext.none().withRemoteHost(cols[3]);
                SmtpStage stage = SmtpStage.parse(cols[2]).orElse(null);
                contexts.add(stage == null ? context : context.withStage(stage));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
