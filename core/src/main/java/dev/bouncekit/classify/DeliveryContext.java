package dev.bouncekit.classify;

import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.status.EnhancedStatusCode;

/**
 * What else is known about a failure besides its text; every part is optional and sharpens the
 * classification (the stage tells {@code filtered} from {@code userunknown}; the remote host and
 * the recipient domain tell the provider).
 *
 * @param stage      the SMTP stage at which the reply came, or null
 * @param remoteHost the host that answered (MX name), or null; blank is null, and white space around it
 *                   is dropped
 * @param recipient  the recipient address the failure is about, or null; blank is null, and white space
 *                   around it is dropped
 * @param dsnStatus  the DSN {@code Status:} field, or null; it counts, and the classification shows it,
 *                   when the reply text has no enhanced status code of its own
 */
public record DeliveryContext(SmtpStage stage, String remoteHost, String recipient, EnhancedStatusCode dsnStatus) {

    private static final DeliveryContext NONE = new DeliveryContext(null, null, null, null);

    /** Reads a blank host or recipient as none, so that a blank host does not hide the one the reply names. */
    public DeliveryContext {
        remoteHost = blankToNull(remoteHost);
        recipient = blankToNull(recipient);
    }

    /** No context: classify by the text alone. */
    public static DeliveryContext none() {
        return NONE;
    }

    /** A context with only the stage. */
    public static DeliveryContext at(SmtpStage stage) {
        return new DeliveryContext(stage, null, null, null);
    }

    /** This context with another stage. */
    public DeliveryContext withStage(SmtpStage newStage) {
        return new DeliveryContext(newStage, remoteHost, recipient, dsnStatus);
    }

    /** This context with another remote host; blank is none. */
    public DeliveryContext withRemoteHost(String newRemoteHost) {
        return new DeliveryContext(stage, newRemoteHost, recipient, dsnStatus);
    }

    /** This context with another recipient; blank is none. */
    public DeliveryContext withRecipient(String newRecipient) {
        return new DeliveryContext(stage, remoteHost, newRecipient, dsnStatus);
    }

    /** This context with another DSN {@code Status:}. */
    public DeliveryContext withDsnStatus(EnhancedStatusCode newDsnStatus) {
        return new DeliveryContext(stage, remoteHost, recipient, newDsnStatus);
    }

    /** The domain of {@link #recipient()}, lower-cased, or null. */
    public String recipientDomain() {
        return domainOf(recipient);
    }

    /** The domain of an address ({@code a@b}, {@code <a@b>}, or a bare domain), lower-cased, or null. */
    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? address : address.substring(at + 1);
        domain = domain.replace(">", "").trim().toLowerCase(java.util.Locale.ROOT);
        return domain.isEmpty() ? null : domain;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
