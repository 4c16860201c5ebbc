package dev.bouncekit.suppression.mailet;

import dev.bouncekit.suppression.DurationText;
import dev.bouncekit.suppression.EmailAddress;
import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.SuppressionStore;
import com.google.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Matches the recipients of a mail that are on the suppression list: put it in the transport
 * processor before {@code RemoteDelivery}, with a mailet that sends them where the operator wants
 * ({@code ToProcessor} to a processor that writes a DSN, a repository, {@code Null}). James splits
 * the mail: the other recipients go on to {@code RemoteDelivery}.
 *
 * <pre>{@code
 * <mailet match="dev.bouncekit.suppression.mailet.IsSuppressed=store=file://var/bouncekit/suppressions.journal;cache=10s"
 *         class="ToProcessor">
 *   <processor>suppressed</processor>
 * </mailet>
 * }</pre>
 * Options, all optional: {@code store} (as {@link SuppressRecipients}'s, default
 * {@value StoreLocation#DEFAULT}); {@code cache}, how long an answer of the store is reused
 * (default {@value #DEFAULT_CACHE}; {@code 0} asks the store for every mail). An address this
 * James suppresses or takes off the list ({@link SuppressRecipients}, the WebAdmin route, any write
 * through the store they share, by whatever path it is named) is held back, or sent again, at the
 * next mail: the write tells the cache, and an answer the store gave while the address was being
 * written is not kept. One that another node or process changed is seen within {@code cache}.
 *
 * <p>Each held mail is logged at DEBUG and counted ({@code bouncekit_suppression_held}); the
 * processor it goes to can keep or log it. {@link #match(Mail)} never throws. When the store cannot answer, the recipients it was asked
 * about are taken as not suppressed (the mail goes on as without the list), and the outage is
 * logged and counted ({@code bouncekit_suppression_store_errors}).
 */
public class IsSuppressed extends GenericMatcher {

    /** How long an answer is reused unless configured. */
    public static final String DEFAULT_CACHE = "10s";

    private static final Logger LOGGER = LoggerFactory.getLogger(IsSuppressed.class);
    private static final Set<String> OPTIONS = Set.of("store", "cache");

    private final FileSystem fileSystem;
    private final BounceMetrics metrics;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private String location;
    private SuppressionStore store;
    private LookupCache cache;

    /** The matcher as James creates it, with James's FileSystem (to find the store) and metrics. */
    @Inject
    public IsSuppressed(FileSystem fileSystem, MetricFactory metricFactory) {
        this(fileSystem, metricFactory, Clock.systemUTC(), System::nanoTime);
    }

    IsSuppressed(FileSystem fileSystem, MetricFactory metricFactory, Clock clock, LongSupplier nanoTime) {
        this.fileSystem = fileSystem;
        this.metrics = new BounceMetrics(metricFactory);
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    @Override
    public void init() {
        try {
            Map<String, String> options = MatcherOptions.parse(getCondition(), OPTIONS);
            String cacheText = options.getOrDefault("cache", DEFAULT_CACHE);
            Duration ttl = cacheText.equals("0") ? Duration.ZERO : DurationText.parse("cache", cacheText);
            location = StoreLocation.resolve(options.get("store"), fileSystem);
            store = SharedStores.acquire(location, metrics::storeError);
            cache = new LookupCache(ttl.toNanos());
            SharedStores.register(location, cache);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("IsSuppressed: " + e.getMessage(), e);
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        try {
            return suppressedRecipients(mail);
        } catch (RuntimeException e) {
            LOGGER.warn("Mail {}: could not look its recipients up; none held back", mail.getName(), e);
            return List.of();
        }
    }

    private Collection<MailAddress> suppressedRecipients(Mail mail) {
        Collection<MailAddress> recipients = mail.getRecipients();
        if (recipients == null || recipients.isEmpty()) {
            return List.of();
        }
        long now = nanoTime.getAsLong();
        Map<String, MailAddress> byAddress = new LinkedHashMap<>();
        List<MailAddress> held = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (MailAddress recipient : recipients) {
            String address;
            try {
                address = EmailAddress.normalize(recipient.asString());
            } catch (IllegalArgumentException e) {
                continue;
            }
            byAddress.put(address, recipient);
            Boolean known = cache.get(address, now);
            if (known == null) {
                unknown.add(address);
            } else if (known) {
                held.add(recipient);
            }
        }
        if (!unknown.isEmpty()) {
            try {
                long mark = cache.mark();
                Set<String> suppressed = store.suppressed(unknown, clock.instant());
                for (String address : unknown) {
                    boolean isSuppressed = suppressed.contains(address);
                    cache.put(address, isSuppressed, now, mark);
                    if (isSuppressed) {
                        held.add(byAddress.get(address));
                    }
                }
            } catch (StoreUnavailableException e) {
                metrics.storeError();
                LOGGER.warn("Mail {}: the suppression list could not answer for {} recipient(s); they are sent: {}",
                        mail.getName(), unknown.size(), e.getMessage());
            }
        }
        if (!held.isEmpty()) {
            metrics.held(held.size());
            LOGGER.debug("Mail {}: held back for suppressed recipient(s) {}", mail.getName(), held);
        }
        return held;
    }

    @Override
    public String getMatcherInfo() {
        return "IsSuppressed: the recipients on the bouncekit suppression list";
    }

    @Override
    public void destroy() {
        if (location != null) {
            SharedStores.release(location, cache);
            location = null;
        }
    }
}
