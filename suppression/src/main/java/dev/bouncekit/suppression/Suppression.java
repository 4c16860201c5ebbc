package dev.bouncekit.suppression;

import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One address the store knows: suppressed, or watched while its soft bounces are counted.
 *
 * @param address      the recipient, normalized by {@link EmailAddress#normalize(String)}
 * @param reason       the reason id (core's taxonomy, e.g. {@code userunknown}) that suppressed it, or
 *                     of its last bounce while it is watched
 * @param provider     the provider of the last bounce, or null
 * @param status       the enhanced status code of the last bounce, or null
 * @param firstSeen    the first bounce recorded
 * @param lastSeen     the last bounce recorded
 * @param count        bounces recorded in all
 * @param windowStart  the first bounce of the current counting window
 * @param windowCount  bounces in the current counting window
 * @param suppressedAt when it was suppressed, or null while it is only watched
 * @param expiresAt    when the suppression ends, or null for never
 */
public record Suppression(String address, String reason, String provider, String status,
                          Instant firstSeen, Instant lastSeen, long count,
                          Instant windowStart, long windowCount,
                          Instant suppressedAt, Instant expiresAt) {

    /** Normalizes the address and checks the required fields. */
    public Suppression {
        address = EmailAddress.normalize(address);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(windowStart, "windowStart");
        provider = blankToNull(provider);
        status = blankToNull(status);
        firstSeen = millis(firstSeen);
        lastSeen = millis(lastSeen);
        windowStart = millis(windowStart);
        suppressedAt = millis(suppressedAt);
        expiresAt = millis(expiresAt);
        if (count < 0 || windowCount < 0) {
            throw new IllegalArgumentException("negative count for " + address);
        }
    }

    /**
     * An address put on the list by hand (CLI, WebAdmin, an import), suppressed from {@code at}
     * until {@code expiresAt} (null: never).
     */
    public static Suppression manual(String address, String reason, Instant at, Instant expiresAt) {
        return new Suppression(address, reason, null, null, at, at, 0, at, 0, at, expiresAt);
    }

    /**
     * The reason id an entry made by hand may have (CLI, WebAdmin, an import): one the recipient owns.
     *
     * @throws IllegalArgumentException for an unknown id or a reason the sender or the message owns, naming
     *                                  the recipient's reasons
     */
    public static String manualReason(String id) {
        String recipientReasons = Arrays.stream(Reason.values()).filter(r -> r.owner() == Owner.RECIPIENT).map(Reason::id)
                .collect(Collectors.joining(", "));
        Reason reason = Reason.parse(id).orElseThrow(
                () -> new IllegalArgumentException("unknown reason '" + id + "'; use one of " + recipientReasons));
        if (reason.owner() != Owner.RECIPIENT) {
            throw new IllegalArgumentException("reason '" + reason.id() + "' is owned by the " + reason.owner().id()
                    + ", not the recipient; use one of " + recipientReasons);
        }
        return reason.id();
    }

    /** Whether mail to the address is to be held back at {@code now}. */
    public boolean isActive(Instant now) {
        return suppressedAt != null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Instants are kept to the millisecond, as both stores keep them. */
    static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
