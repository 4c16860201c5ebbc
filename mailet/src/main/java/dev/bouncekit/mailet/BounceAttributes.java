package dev.bouncekit.mailet;

import dev.bouncekit.classify.Classification;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mail attributes in which {@link ClassifyBounce} leaves its verdict, all under one prefix
 * ({@value #DEFAULT_PREFIX} unless configured):
 * <table>
 *   <caption>Attributes, for the default prefix</caption>
 *   <tr><th>name</th><th>type</th><th>value</th></tr>
 *   <tr><td>{@code bouncekit.reason}</td><td>String</td><td>Sisimai reason, e.g. {@code userunknown}</td></tr>
 *   <tr><td>{@code bouncekit.hard}</td><td>Boolean</td><td>the address itself is bad</td></tr>
 *   <tr><td>{@code bouncekit.owner}</td><td>String</td><td>who must act: recipient, sender, message, transient, unknown</td></tr>
 *   <tr><td>{@code bouncekit.action}</td><td>String</td><td>suppress, retry, retry-then-suppress, fix-sender, fix-message, review</td></tr>
 *   <tr><td>{@code bouncekit.provider}</td><td>String</td><td>provider id, e.g. {@code gmail}; absent when unknown</td></tr>
 *   <tr><td>{@code bouncekit.code}</td><td>Integer</td><td>basic reply code, e.g. 550; absent when unknown</td></tr>
 *   <tr><td>{@code bouncekit.status}</td><td>String</td><td>enhanced status code, e.g. {@code 5.1.1}; absent when unknown</td></tr>
 *   <tr><td>{@code bouncekit.rule}</td><td>String</td><td>the rule that decided: {@code phrase:FILE:LINE},
 *       {@code keyword:FILE:LINE}, {@code status:5.1.1}, {@code fallback:REASON}, or {@code empty} when
 *       there was nothing to classify</td></tr>
 *   <tr><td>{@code bouncekit.evidence}</td><td>String</td><td>how it was decided: catalog, provider-phrase, phrase, status-code, keyword, fallback, none</td></tr>
 *   <tr><td>{@code bouncekit.recipient}</td><td>String</td><td>the recipient the verdict is about; absent when it cannot be told</td></tr>
 *   <tr><td>{@code bouncekit.unknown-recipients}</td><td>list of String</td><td>failed recipients whose reply RemoteDelivery did not keep; absent when none</td></tr>
 * </table>
 * Immutable and thread-safe.
 */
public final class BounceAttributes {

    /** The prefix used when none is configured. */
    public static final String DEFAULT_PREFIX = "bouncekit.";

    private final String prefix;
    private final AttributeName reason;
    private final AttributeName hard;
    private final AttributeName owner;
    private final AttributeName action;
    private final AttributeName provider;
    private final AttributeName code;
    private final AttributeName status;
    private final AttributeName rule;
    private final AttributeName evidence;
    private final AttributeName recipient;
    private final AttributeName unknownRecipients;

    private BounceAttributes(String prefix) {
        this.prefix = prefix;
        this.reason = AttributeName.of(prefix + "reason");
        this.hard = AttributeName.of(prefix + "hard");
        this.owner = AttributeName.of(prefix + "owner");
        this.action = AttributeName.of(prefix + "action");
        this.provider = AttributeName.of(prefix + "provider");
        this.code = AttributeName.of(prefix + "code");
        this.status = AttributeName.of(prefix + "status");
        this.rule = AttributeName.of(prefix + "rule");
        this.evidence = AttributeName.of(prefix + "evidence");
        this.recipient = AttributeName.of(prefix + "recipient");
        this.unknownRecipients = AttributeName.of(prefix + "unknown-recipients");
    }

    /** The attributes under the default prefix {@value #DEFAULT_PREFIX}. */
    public static BounceAttributes defaults() {
        return new BounceAttributes(DEFAULT_PREFIX);
    }

    /**
     * The attributes under {@code prefix}.
     *
     * @throws IllegalArgumentException when the prefix is blank or contains white space
     */
    public static BounceAttributes withPrefix(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("the attribute prefix must not be blank; the default is " + DEFAULT_PREFIX);
        }
        if (prefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the attribute prefix must not contain white space, not '" + prefix + "'");
        }
        return new BounceAttributes(prefix);
    }

    /** The prefix of every name. */
    public String prefix() {
        return prefix;
    }

    public AttributeName reason() {
        return reason;
    }

    public AttributeName hard() {
        return hard;
    }

    public AttributeName owner() {
        return owner;
    }

    public AttributeName action() {
        return action;
    }

    public AttributeName provider() {
        return provider;
    }

    public AttributeName code() {
        return code;
    }

    public AttributeName status() {
        return status;
    }

    public AttributeName rule() {
        return rule;
    }

    public AttributeName evidence() {
        return evidence;
    }

    public AttributeName recipient() {
        return recipient;
    }

    public AttributeName unknownRecipients() {
        return unknownRecipients;
    }

    /** Every name, in the order of the table above. */
    public List<AttributeName> all() {
        return List.of(reason, hard, owner, action, provider, code, status, rule, evidence, recipient, unknownRecipients);
    }

    /** Removes every attribute of this set from {@code mail}, e.g. those of an earlier verdict. */
    void clear(Mail mail) {
        all().forEach(mail::removeAttribute);
    }

    /**
     * Writes {@code classification}, and whom it is about, onto {@code mail}; optional parts that
     * are unknown are left absent.
     */
    void write(Mail mail, Classification classification, RecipientAttribution attribution) {
        clear(mail);
        mail.setAttribute(new Attribute(reason, AttributeValue.of(classification.reason().id())));
        mail.setAttribute(new Attribute(hard, AttributeValue.of(classification.hard())));
        mail.setAttribute(new Attribute(owner, AttributeValue.of(classification.owner().id())));
        mail.setAttribute(new Attribute(action, AttributeValue.of(classification.action().id())));
        mail.setAttribute(new Attribute(rule, AttributeValue.of(classification.rule())));
        mail.setAttribute(new Attribute(evidence, AttributeValue.of(classification.evidence().id())));
        if (classification.provider() != null) {
            mail.setAttribute(new Attribute(provider, AttributeValue.of(classification.provider())));
        }
        if (classification.code() != null) {
            mail.setAttribute(new Attribute(code, AttributeValue.of(classification.code())));
        }
        if (classification.status() != null) {
            mail.setAttribute(new Attribute(status, AttributeValue.of(classification.status().toString())));
        }
        attribution.named().ifPresent(value -> mail.setAttribute(new Attribute(recipient, AttributeValue.of(value))));
        if (!attribution.unknownRecipients().isEmpty()) {
            List<AttributeValue<?>> values = new ArrayList<>();
            attribution.unknownRecipients().forEach(address -> values.add(AttributeValue.of(address)));
            mail.setAttribute(new Attribute(unknownRecipients, AttributeValue.of(values)));
        }
    }

    /** The String value of {@code name} on {@code mail}, or empty when absent or of another type. */
    public Optional<String> string(Mail mail, AttributeName name) {
        return value(mail, name).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The Boolean value of {@code name} on {@code mail}, or empty when absent or of another type. */
    public Optional<Boolean> bool(Mail mail, AttributeName name) {
        return value(mail, name).filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    /**
     * The recipients of {@code mail} the verdict is about: all of them except those listed in
     * {@link #unknownRecipients()}. Empty when the mail carries no verdict.
     */
    public Collection<MailAddress> classifiedRecipients(Mail mail) {
        if (string(mail, reason).isEmpty()) {
            return List.of();
        }
        Collection<MailAddress> recipients = mail.getRecipients();
        if (recipients == null || recipients.isEmpty()) {
            return List.of();
        }
        Set<String> unknown = unknownRecipientsOf(mail);
        List<MailAddress> classified = new ArrayList<>();
        for (MailAddress address : recipients) {
            if (address != null && !unknown.contains(normalize(address.asString()))) {
                classified.add(address);
            }
        }
        return classified;
    }

    private Set<String> unknownRecipientsOf(Mail mail) {
        Set<String> unknown = new TreeSet<>();
        value(mail, unknownRecipients).filter(Collection.class::isInstance).map(Collection.class::cast)
                .ifPresent(values -> {
                    for (Object element : values) {
                        Object item = element instanceof AttributeValue<?> v ? v.value() : element;
                        if (item instanceof String address) {
                            unknown.add(normalize(address));
                        }
                    }
                });
        return unknown;
    }

    static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<Object> value(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value);
    }

    @Override
    public String toString() {
        return "BounceAttributes[" + prefix + "*]";
    }
}
