package dev.bouncekit.taxonomy;

import java.util.Locale;

/** Who must act on a delivery failure. */
public enum Owner {
    /** The address or mailbox: it does not exist, is full, disabled, moved. */
    RECIPIENT,
    /** The sending side: IP, domain, authentication, routing, rate. */
    SENDER,
    /** The message itself: content, size, format. */
    MESSAGE,
    /** Nobody: network, remote system or time; it may pass. */
    TRANSIENT,
    /** Not known from the text. */
    UNKNOWN;

    /** The lower-case name used in output and configuration, e.g. {@code recipient}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads an {@link #id()}, case-insensitive. */
    public static Owner fromId(String id) {
        for (Owner owner : values()) {
            if (owner.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return owner;
            }
        }
        throw new IllegalArgumentException("unknown owner '" + id + "'; use one of recipient, sender, message, transient, unknown");
    }
}
