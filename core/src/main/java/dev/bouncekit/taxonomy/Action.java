package dev.bouncekit.taxonomy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a sender should do about a delivery failure: the suggestion attached to each reason. */
public enum Action {
    /** Stop sending to the address for good. */
    SUPPRESS,
    /** Send again later, with backoff. */
    RETRY,
    /** Send again later; suppress the address if the failure persists. */
    RETRY_THEN_SUPPRESS,
    /** Fix the sending infrastructure: IP, DNS, authentication, routing, rate. */
    FIX_SENDER,
    /** Fix the message: content, size, format. */
    FIX_MESSAGE,
    /** A person should look; no blind retry. */
    REVIEW;

    /** The lower-case, dash-separated name used in output, e.g. {@code retry-then-suppress}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads an {@link #id()} (or the constant name), case-insensitive. */
    public static Action fromId(String id) {
        String wanted = id == null ? "" : id.trim().replace('_', '-');
        for (Action action : values()) {
            if (action.id().equalsIgnoreCase(wanted)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + id + "'; use one of "
                + Arrays.stream(values()).map(Action::id).collect(Collectors.joining(", ")));
    }
}
