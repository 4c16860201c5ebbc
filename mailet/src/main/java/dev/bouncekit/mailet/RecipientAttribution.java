package dev.bouncekit.mailet;

import dev.bouncekit.taxonomy.Owner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom one kept reply is about when RemoteDelivery bounces several recipients at once.
 *
 * <p>RemoteDelivery keeps the reply of the first failed recipient only. So:
 * <ul>
 *   <li>one recipient: the reply is about it;</li>
 *   <li>the reply names some of the recipients: it is about the first one named, and the
 *       recipients it does not name are unknown;</li>
 *   <li>the reply names none and its reason is the recipient's (user unknown, mailbox full, ...):
 *       it is about one of them, but which is not known, so all are unknown;</li>
 *   <li>the reply names none and its reason is not the recipient's (the sender, the message, the
 *       network, the retries): it is about the whole transaction, so about all of them.</li>
 * </ul>
 *
 * @param recipient         the recipient the reply is about, or null when it cannot be told
 * @param unknownRecipients the failed recipients whose own reply is not known, in mail order
 */
record RecipientAttribution(String recipient, List<String> unknownRecipients) {

    RecipientAttribution {
        unknownRecipients = List.copyOf(unknownRecipients);
    }

    /** The recipient the reply is about, when it can be told. */
    Optional<String> named() {
        return Optional.ofNullable(recipient);
    }

    /**
     * The recipient a reply is about before it is classified: the only recipient, or the first
     * recipient the reply names.
     *
     * @param recipients the failed recipients, normalized, in mail order
     * @param mentioned  the addresses the reply names, lower-cased, in reply order
     */
    static Optional<String> named(List<String> recipients, List<String> mentioned) {
        if (recipients.size() == 1) {
            return Optional.of(recipients.get(0));
        }
        return mentioned.stream().filter(recipients::contains).findFirst();
    }

    /** Decides whom the reply is about, once the owner of its reason is known. */
    static RecipientAttribution of(List<String> recipients, List<String> mentioned, Owner owner) {
        Optional<String> named = named(recipients, mentioned);
        if (named.isPresent()) {
            List<String> others = new ArrayList<>();
            for (String recipient : recipients) {
                if (!recipient.equals(named.get()) && !mentioned.contains(recipient)) {
                    others.add(recipient);
                }
            }
            return new RecipientAttribution(named.get(), others);
        }
        if (recipients.size() > 1 && (owner == Owner.RECIPIENT || owner == Owner.UNKNOWN)) {
            return new RecipientAttribution(null, recipients);
        }
        return new RecipientAttribution(null, List.of());
    }
}
