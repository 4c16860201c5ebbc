package dev.bouncekit.example.orders;

/** What became of one attempt to mail an order confirmation. */
public enum Outcome {
    /** The server took the message. */
    DELIVERED,
    /** A temporary refusal (4xx, or no answer): tried again later. */
    DEFERRED,
    /** A hard bounce: the address is suppressed and never mailed again. */
    BOUNCED,
    /** A permanent refusal that is not the address's fault (a blocked sender, a full mailbox): reported, not retried. */
    FAILED,
    /** Not sent: the address is suppressed. */
    SUPPRESSED,
    /** Still refused temporarily after the last attempt. */
    GAVE_UP
}
