package dev.bouncekit.suppression.mailet;

import dev.bouncekit.mailet.BounceAttributes;
import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.taxonomy.Reason;
import com.google.inject.Inject;
import org.apache.james.core.MailAddress;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * Records the bounces {@code ClassifyBounce} classified in the suppression list: put it in the
 * bounce processor, after {@code ClassifyBounce}. Each recipient the verdict is about (all but the
 * {@code unknown-recipients}) is counted under {@link SuppressionPolicy}: hard reasons suppress at
 * once, soft recipient reasons after N bounces within a window, sender-, message- and
 * transient-owned reasons never. It counts every bounce in James's metrics ({@link BounceMetrics}).
 *
 * <pre>{@code
 * <mailet match="All" class="dev.bouncekit.suppression.mailet.SuppressRecipients">
 *   <store>jdbc:postgresql://db.example.com/mail?user=james&amp;password=...</store>  <!-- optional -->
 *   <suppressAfter>mailboxfull=3/7d,suspend=3/7d</suppressAfter>                      <!-- optional -->
 *   <expiry>mailboxfull=30d,userunknown=never</expiry>                                <!-- optional -->
 * </mailet>
 * }</pre>
 * Init parameters: {@code store} (default {@value StoreLocation#DEFAULT}; see {@link StoreLocation}),
 * {@code suppressAfter} and {@code expiry} (see {@link SuppressionPolicy#parse(String, String)}),
 * {@code prefix} (the attribute prefix of {@code ClassifyBounce}). A bad value, an unknown
 * parameter, a bad JDBC URL or a database that cannot be reached fails {@link #init()}, and James's
 * start, with a message saying what is wrong.
 *
 * <p>The mail itself is left as it is and goes on. {@link #service(Mail)} never throws: when the
 * store cannot answer, the bounce is logged and counted ({@code bouncekit_suppression_store_errors}),
 * and the mail goes on.
 */
public class SuppressRecipients extends GenericMailet {

    private static final Set<String> ACCEPTED_PARAMETERS =
            Set.of("store", "suppressAfter", "expiry", "prefix", "onMailetException", "onMatchException");
    private static final Logger LOGGER = LoggerFactory.getLogger(SuppressRecipients.class);

    private final FileSystem fileSystem;
    private final BounceMetrics metrics;
    private final Clock clock;
    private String location;
    private SuppressionStore store;
    private SuppressionPolicy policy;
    private BounceAttributes attributes;

    /** The mailet as James creates it, with James's FileSystem (to find the store) and metrics. */
    @Inject
    public SuppressRecipients(FileSystem fileSystem, MetricFactory metricFactory) {
        this(fileSystem, metricFactory, Clock.systemUTC());
    }

    SuppressRecipients(FileSystem fileSystem, MetricFactory metricFactory, Clock clock) {
        this.fileSystem = fileSystem;
        this.metrics = new BounceMetrics(metricFactory);
        this.clock = clock;
    }

    @Override
    public void init() {
        try {
            Iterator<String> names = getInitParameterNames();
            while (names != null && names.hasNext()) {
                String name = names.next();
                if (!ACCEPTED_PARAMETERS.contains(name)) {
                    throw new IllegalArgumentException("unknown parameter '" + name + "'; accepted: " + String.join(", ",
                            new TreeSet<>(ACCEPTED_PARAMETERS)));
                }
            }
            String prefix = getInitParameter("prefix");
            attributes = prefix == null ? BounceAttributes.defaults() : BounceAttributes.withPrefix(prefix.trim());
            policy = SuppressionPolicy.parse(getInitParameter("suppressAfter"), getInitParameter("expiry"));
            location = StoreLocation.resolve(getInitParameter("store"), fileSystem);
            store = SharedStores.acquire(location, metrics::storeError);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("SuppressRecipients: " + e.getMessage(), e);
        }
        LOGGER.info("SuppressRecipients records bounces in {} under {}", store.location(), policy);
    }

    @Override
    public String getMailetInfo() {
        return "SuppressRecipients: records classified bounces in the bouncekit suppression list";
    }

    @Override
    public void service(Mail mail) {
        try {
            record(mail);
        } catch (RuntimeException e) {
            LOGGER.warn("Mail {}: could not record its bounce; the mail goes on", mail.getName(), e);
        }
    }

    private void record(Mail mail) {
        Optional<Reason> reason = attributes.string(mail, attributes.reason()).flatMap(Reason::parse);
        if (reason.isEmpty()) {
            LOGGER.debug("Mail {} carries no bouncekit verdict; nothing recorded", mail.getName());
            return;
        }
        String owner = attributes.string(mail, attributes.owner()).orElse(reason.get().owner().id());
        String provider = attributes.string(mail, attributes.provider()).orElse(null);
        String status = attributes.string(mail, attributes.status()).orElse(null);
        Collection<MailAddress> recipients = attributes.classifiedRecipients(mail);
        for (int i = 0; i < recipients.size(); i++) {
            metrics.bounce(reason.get().id(), owner, provider);
        }
        if (!policy.counts(reason.get())) {
            return;
        }
        Instant now = clock.instant();
        for (MailAddress recipient : recipients) {
            Bounce bounce = new Bounce(recipient.asString(), reason.get(), provider, status, now);
            try {
                Optional<Suppression> entry = store.record(bounce, policy);
                if (entry.isPresent() && bounce.at().equals(entry.get().suppressedAt())) {
                    metrics.suppressed(entry.get().reason());
                    LOGGER.info("Suppressed {}: reason={} provider={} bounces={} expires={}", bounce.address(),
                            entry.get().reason(), provider == null ? "-" : provider, entry.get().count(),
                            entry.get().expiresAt() == null ? "never" : entry.get().expiresAt());
                }
            } catch (StoreUnavailableException e) {
                metrics.storeError();
                LOGGER.warn("Mail {}: the bounce of {} ({}) was not recorded: {}", mail.getName(), bounce.address(),
                        reason.get().id(), e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        if (location != null) {
            SharedStores.release(location, null);
            location = null;
        }
    }
}
