package dev.bouncekit.mailet;

import dev.bouncekit.taxonomy.Owner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whom the one reply RemoteDelivery keeps is about.
 *
 * <p>RemoteDelivery keeps the reply of the first failed recipient of a transaction only, and may
 * put it on a bounce whose recipients are others (with {@code sendpartial=true}, a 4xx recipient
 * is retried apart from the 5xx ones, but both carry the first reply). So, in this order:
 * <ol>
 *   <li>the reply is another recipient's by RemoteDelivery's workings (a 4xx reply, see
 *       {@link DeliveryFailure#replyOrigin()}): all of the bounce's recipients are unknown,
 *       even one the reply names;</li>
 *   <li>the reply names some of the bounce's recipients: it is about the first one named; the
 *       recipients it does not name are unknown;</li>
 *   <li>the reply may be another recipient's by RemoteDelivery's workings (a RCPT refusal on a
 *       bounce of a transaction refused at DATA): all of the bounce's recipients are unknown;</li>
 *   <li>the reply names another mailbox at a recipient's domain: it is about a recipient that is
 *       not on this bounce, so all of the bounce's recipients are unknown;</li>
 *   <li>one recipient: the reply is about it;</li>
 *   <li>several recipients and a reason that is the recipient's (user unknown, mailbox full, ...)
 *       or unknown: it is about one of them, but which cannot be told, so all are unknown;</li>
 *   <li>several recipients and a reason that is not the recipient's (the sender, the message, the
 *       network, the retries): it is about the whole transaction, so about all of them.</li>
 * </ol>
 * Addresses at other domains (an abuse desk, a help address) do not count as naming anyone.
 *
 * @param recipient         the recipient the reply is about, or null when it cannot be told
 * @param unknownRecipients the bounce's recipients whose own reply is not known, in mail order
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
     * The recipient a reply is about, as far as it can be told before the reply is classified
     * (rules 2, 4 and 5).
     *
     * @param recipients the bounce's recipients, normalized, in mail order
     * @param mentioned  the addresses the reply names, lower-cased, in reply order
     */
    static Optional<String> named(List<String> recipients, List<String> mentioned) {
        Optional<String> named = mentioned.stream().filter(recipients::contains).findFirst();
        if (named.isPresent() || namesAnotherMailbox(recipients, mentioned)) {
            return named;
        }
        return recipients.size() == 1 ? Optional.of(recipients.get(0)) : Optional.empty();
    }

    /**
     * Decides whom the reply is about, once the owner of its reason is known; {@code origin} tells
     * what RemoteDelivery's workings say of it (rules 1 and 3).
     */
    static RecipientAttribution of(List<String> recipients, List<String> mentioned, Owner owner, ReplyOrigin origin) {
        if (origin == ReplyOrigin.ANOTHER_RECIPIENT) {
            return new RecipientAttribution(null, recipients);
        }
        Optional<String> named = origin == ReplyOrigin.MAYBE_ANOTHER_RECIPIENT
                ? mentioned.stream().filter(recipients::contains).findFirst()
                : named(recipients, mentioned);
        if (named.isPresent()) {
            List<String> others = new ArrayList<>();
            for (String recipient : recipients) {
                if (!recipient.equals(named.get()) && !mentioned.contains(recipient)) {
                    others.add(recipient);
                }
            }
            return new RecipientAttribution(named.get(), others);
        }
        boolean someoneElses = origin == ReplyOrigin.MAYBE_ANOTHER_RECIPIENT || namesAnotherMailbox(recipients, mentioned);
        boolean oneOfThem = recipients.size() > 1 && (owner == Owner.RECIPIENT || owner == Owner.UNKNOWN);
        return new RecipientAttribution(null, someoneElses || oneOfThem ? recipients : List.of());
    }

    /** What RemoteDelivery's workings tell of whose the kept reply is. */
    enum ReplyOrigin {
        /** Nothing: the reply may be about any recipient of the bounce. */
        UNTOLD,
        /** It may be the refusal of a recipient that is not on the bounce. */
        MAYBE_ANOTHER_RECIPIENT,
        /** It is the refusal of a recipient that is not on the bounce. */
        ANOTHER_RECIPIENT
    }

    private static boolean namesAnotherMailbox(List<String> recipients, List<String> mentioned) {
        for (String address : mentioned) {
            if (!recipients.contains(address)) {
                String domain = domainOf(address);
                if (recipients.stream().anyMatch(recipient -> domainOf(recipient).equals(domain))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
