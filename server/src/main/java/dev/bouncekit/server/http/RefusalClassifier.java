package dev.bouncekit.server.http;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.receiver.Refusal;
import dev.bouncekit.reply.SmtpStage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classifies refusals for the API, remembering the verdicts of the latest 2,048 distinct replies:
 * the web page asks for every kept refusal once a second, and replayed catalog replies repeat.
 */
final class RefusalClassifier {

    private static final int REMEMBERED = 2048;

    private final Map<String, Classification> verdicts = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Classification> eldest) {
            return size() > REMEMBERED;
        }
    };

    Classification classify(Refusal refusal) {
        SmtpStage stage = refusal.stage() == null ? SmtpStage.CONNECT : refusal.stage();
        String text = String.join("\n", refusal.reply());
        String key = stage + "\u0000" + text;
        synchronized (verdicts) {
            Classification known = verdicts.get(key);
            if (known != null) {
                return known;
            }
        }
        Classification verdict = BounceClassifier.builtIn().classify(text, DeliveryContext.at(stage));
        synchronized (verdicts) {
            verdicts.put(key, verdict);
        }
        return verdict;
    }
}
