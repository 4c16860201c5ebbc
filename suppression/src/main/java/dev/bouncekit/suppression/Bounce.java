package dev.bouncekit.suppression;

import dev.bouncekit.taxonomy.Reason;

import java.time.Instant;
import java.util.Objects;

/**
 * One classified bounce of one recipient, as the store records it.
 *
 * @param address  the recipient, normalized by {@link EmailAddress#normalize(String)}
 * @param reason   the classified reason
 * @param provider the recipient's provider id (e.g. {@code gmail}), or null when unknown
 * @param status   the enhanced status code of the reply (e.g. {@code 5.1.1}), or null when unknown
 * @param at       when it bounced
 */
public record Bounce(String address, Reason reason, String provider, String status, Instant at) {

    /** Normalizes the address; reason and time are required. */
    public Bounce {
        address = EmailAddress.normalize(address);
        Objects.requireNonNull(reason, "reason");
        at = Suppression.millis(Objects.requireNonNull(at, "at"));
        provider = Suppression.blankToNull(provider);
        status = Suppression.blankToNull(status);
    }
}
