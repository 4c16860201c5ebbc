package dev.bouncekit.server.scenario;

/**
 * A scenario that cannot be used, with where and why:
 * {@code scenario.yaml: rule 3: field 'at': stage MAIL cannot match on recipient; use RCPT}.
 */
public final class ScenarioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A problem described by the message, which names the source, rule and field. */
    public ScenarioException(String message) {
        super(message);
    }
}
