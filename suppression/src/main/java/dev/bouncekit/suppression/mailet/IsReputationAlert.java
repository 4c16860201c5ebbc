package dev.bouncekit.suppression.mailet;

import dev.bouncekit.mailet.BounceAttributes;
import dev.bouncekit.suppression.DurationText;
import com.google.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A reputation signal: matches the one bounce at which refusals owned by the sender (a block list,
 * a bad reputation, failed authentication: owner {@code sender} in {@code ClassifyBounce}'s verdict)
 * from one provider reach a rate, and no other bounce of that provider until a window has passed.
 * Put it in the bounce processor, after {@code ClassifyBounce}, with James's {@code NotifyPostmaster}
 * (and {@code passThrough=true}): the postmaster gets one notification per provider and window,
 * not one per mail.
 *
 * <pre>{@code
 * <mailet match="dev.bouncekit.suppression.mailet.IsReputationAlert=rate=5/10m" class="NotifyPostmaster">
 *   <passThrough>true</passThrough>
 *   <prefix>[bouncekit reputation alert]</prefix>
 * </mailet>
 * }</pre>
 * Options: {@code rate}, {@code COUNT/WINDOW} (default {@value #DEFAULT_RATE}): COUNT sender-owned
 * refusals from one provider within WINDOW raise the alert, and one alert per WINDOW at most;
 * {@code prefix}, the attribute prefix of {@code ClassifyBounce}. The provider is the one
 * {@code ClassifyBounce} recognised, else the recipient's domain. Counted per James node:
 * {@code bouncekit_reputation_alert_PROVIDER}.
 */
public class IsReputationAlert extends GenericMatcher {

    /** The rate unless configured. */
    public static final String DEFAULT_RATE = "5/10m";

    private static final Logger LOGGER = LoggerFactory.getLogger(IsReputationAlert.class);
    private static final Set<String> OPTIONS = Set.of("rate", "prefix");

    private final BounceMetrics metrics;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> refusals = new HashMap<>();
    private final Map<String, Long> lastAlert = new HashMap<>();
    private BounceAttributes attributes;
    private int count;
    private long windowNanos;

    /** The matcher as James creates it, with James's metrics. */
    @Inject
    public IsReputationAlert(MetricFactory metricFactory) {
        this(metricFactory, System::nanoTime);
    }

    IsReputationAlert(MetricFactory metricFactory, LongSupplier nanoTime) {
        this.metrics = new BounceMetrics(metricFactory);
        this.nanoTime = nanoTime;
    }

    @Override
    public void init() {
        try {
            Map<String, String> options = MatcherOptions.parse(getCondition(), OPTIONS);
            String prefix = options.get("prefix");
            attributes = prefix == null ? BounceAttributes.defaults() : BounceAttributes.withPrefix(prefix);
            String rate = options.getOrDefault("rate", DEFAULT_RATE);
            String[] parts = rate.split("/", -1);
            try {
                count = Integer.parseInt(parts[0].trim());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (parts.length != 2 || count < 1) {
                throw new IllegalArgumentException("rate: '" + rate + "' is not COUNT/WINDOW, e.g. 5/10m");
            }
            Duration window = DurationText.parse("rate", parts[1]);
            windowNanos = window.toNanos();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("IsReputationAlert: " + e.getMessage(), e);
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        try {
            if (!"sender".equals(attributes.string(mail, attributes.owner()).orElse(null))) {
                return List.of();
            }
            Collection<MailAddress> recipients = mail.getRecipients();
            String provider = attributes.string(mail, attributes.provider())
                    .orElseGet(() -> recipients.isEmpty() ? "unknown" : recipients.iterator().next().getDomain().asString())
                    .toLowerCase(Locale.ROOT);
            if (!alerts(provider, nanoTime.getAsLong())) {
                return List.of();
            }
            metrics.alert(provider);
            LOGGER.warn("Reputation alert: {} or more refusals owned by the sender from {} within {}; mail {} goes to the postmaster",
                    count, provider, Duration.ofNanos(windowNanos), mail.getName());
            return recipients;
        } catch (RuntimeException e) {
            LOGGER.warn("Mail {}: could not read its verdict; no reputation alert", mail.getName(), e);
            return List.of();
        }
    }

    private synchronized boolean alerts(String provider, long now) {
        Deque<Long> times = refusals.computeIfAbsent(provider, key -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && now - times.peekFirst() > windowNanos) {
            times.removeFirst();
        }
        while (times.size() > count) {
            times.removeFirst();
        }
        if (times.size() < count) {
            return false;
        }
        Long last = lastAlert.get(provider);
        if (last != null && now - last < windowNanos) {
            return false;
        }
        lastAlert.put(provider, now);
        return true;
    }

    @Override
    public String getMatcherInfo() {
        return "IsReputationAlert: the bounce at which sender-owned refusals from one provider pass a rate";
    }
}
