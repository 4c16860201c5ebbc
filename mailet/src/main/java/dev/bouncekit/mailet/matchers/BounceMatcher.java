package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.BounceAttributes;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;

/**
 * Base of the matchers that route on the verdict of {@code ClassifyBounce}. A match returns the
 * recipients the verdict is about: all recipients of the mail except those listed in the
 * {@code unknown-recipients} attribute, so a recipient whose own reply RemoteDelivery did not keep
 * is never routed by another recipient's reply. A mail without a verdict matches nothing.
 *
 * <p>The condition is read once in {@link #init()}; a bad one fails there with an
 * {@link IllegalArgumentException}. {@link #match(Mail)} never throws.
 */
public abstract class BounceMatcher extends GenericMatcher {

    private static final Logger LOGGER = LoggerFactory.getLogger(BounceMatcher.class);

    private BounceAttributes attributes;

    @Override
    public final void init() {
        MatcherCondition condition = MatcherCondition.parse(getMatcherName(), getCondition());
        try {
            attributes = condition.prefix().map(BounceAttributes::withPrefix).orElseGet(BounceAttributes::defaults);
            configure(condition.values());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(getMatcherName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the values of the condition.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted
     */
    protected abstract void configure(List<String> values);

    /** Whether the verdict on {@code mail}, read through {@code names}, is one this matcher selects. */
    protected abstract boolean accepts(Mail mail, BounceAttributes names);

    @Override
    public final Collection<MailAddress> match(Mail mail) {
        try {
            return accepts(mail, attributes) ? attributes.classifiedRecipients(mail) : List.of();
        } catch (RuntimeException e) {
            LOGGER.warn("{} could not read the verdict on mail {}; not matched", getMatcherName(), mail.getName(), e);
            return List.of();
        }
    }

    /** The attribute names this matcher reads. */
    public BounceAttributes attributes() {
        return attributes;
    }
}
