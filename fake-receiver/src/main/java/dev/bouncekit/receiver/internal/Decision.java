package dev.bouncekit.receiver.internal;

import java.time.Duration;
import java.util.List;

/**
 * An answer chosen for one command: who chose it, the catalog entry it sends (or null), the exact lines to send (empty for none),
 * whether to close the connection afterwards, and how long to wait first.
 */
record Decision(String rule, String catalogId, List<String> lines, boolean disconnect, Duration delay) {

    /** The same decision sending these lines instead. */
    Decision withLines(List<String> replaced) {
        return new Decision(rule, catalogId, replaced, disconnect, delay);
    }

    /** True when the receiver should go on as it normally would (after the delay). */
    boolean accepts() {
        return lines.isEmpty() && !disconnect;
    }
}
