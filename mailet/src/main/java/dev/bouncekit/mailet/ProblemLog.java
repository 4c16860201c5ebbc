package dev.bouncekit.mailet;

import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs each kind of input problem once at WARN, and at DEBUG when it comes again, so that a stream
 * of odd mails cannot flood the log. Thread-safe.
 */
final class ProblemLog {

    /** Past this many distinct problems, new ones are logged at DEBUG only. */
    static final int MAX_REMEMBERED = 256;

    private final Logger logger;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    ProblemLog(Logger logger) {
        this.logger = logger;
    }

    /**
     * Reports {@code problem} met on mail {@code mailName}; {@code consequence} says what was done
     * about it; {@code cause} is the exception behind it, or null.
     *
     * @return true when it was logged at WARN, the first time
     */
    boolean report(String problem, String mailName, String consequence, Throwable cause) {
        boolean first = seen.size() < MAX_REMEMBERED && seen.add(problem);
        if (first) {
            logger.warn("Mail {}: {}; {} (reported once, later occurrences at DEBUG)", mailName, problem, consequence, cause);
        } else {
            logger.debug("Mail {}: {}; {}", mailName, problem, consequence, cause);
        }
        return first;
    }
}
