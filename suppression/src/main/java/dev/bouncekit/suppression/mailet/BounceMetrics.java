package dev.bouncekit.suppression.mailet;

import org.apache.james.metrics.api.MetricFactory;

import java.util.Locale;

/**
 * The counters of the suppression mailets, through James's {@link MetricFactory} (so they show in
 * JMX, Prometheus, ... wherever James's metrics go). Names:
 * <ul>
 *   <li>{@code bouncekit_bounce_reason_REASON}, {@code bouncekit_bounce_owner_OWNER},
 *       {@code bouncekit_bounce_provider_PROVIDER}: recipients of classified bounces;</li>
 *   <li>{@code bouncekit_suppression_added_REASON}: addresses newly suppressed;</li>
 *   <li>{@code bouncekit_suppression_held}: recipients held back by {@code IsSuppressed};</li>
 *   <li>{@code bouncekit_suppression_store_errors}: calls the store could not answer, and journal lines
 *       it skipped as unreadable;</li>
 *   <li>{@code bouncekit_reputation_alert_PROVIDER}: reputation alerts raised.</li>
 * </ul>
 * A provider that is not known is counted as {@code unknown}; names keep only {@code [a-z0-9_]}.
 */
final class BounceMetrics {

    /** Prefix of every name. */
    static final String PREFIX = "bouncekit_";

    private final MetricFactory factory;

    BounceMetrics(MetricFactory factory) {
        this.factory = factory;
    }

    void bounce(String reason, String owner, String provider) {
        count("bounce_reason_" + reason);
        count("bounce_owner_" + owner);
        count("bounce_provider_" + (provider == null ? "unknown" : provider));
    }

    void suppressed(String reason) {
        count("suppression_added_" + reason);
    }

    void held(int recipients) {
        if (recipients > 0 && factory != null) {
            factory.generate(PREFIX + "suppression_held").add(recipients);
        }
    }

    void storeError() {
        count("suppression_store_errors");
    }

    void alert(String provider) {
        count("reputation_alert_" + provider);
    }

    private void count(String name) {
        if (factory != null) {
            factory.generate(PREFIX + clean(name)).increment();
        }
    }

    static String clean(String name) {
        StringBuilder cleaned = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            cleaned.append(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' ? c : '_');
        }
        return cleaned.toString();
    }
}
