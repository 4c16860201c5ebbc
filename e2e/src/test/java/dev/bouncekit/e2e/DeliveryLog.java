package dev.bouncekit.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What James's RemoteDelivery writes to its log while open: the messages of {@code MailDelivrer}, the
 * class that logs each failed attempt ({@code "<the transport's message>"} at INFO, {@code "Exception
 * delivering message (NAME) - <message>"} at DEBUG). James runs in the test's JVM, so its logger is
 * this one.
 */
final class DeliveryLog implements AutoCloseable {

    private static final String MAIL_DELIVRER = "org.apache.james.transport.mailets.remote.delivery.MailDelivrer";

    private final Logger logger = (Logger) LoggerFactory.getLogger(MAIL_DELIVRER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private DeliveryLog() {
        appender.start();
        logger.addAppender(appender);
    }

    static DeliveryLog capture() {
        return new DeliveryLog();
    }

    /** The formatted messages logged at {@code level} so far, in order. */
    List<String> at(Level level) {
        synchronized (appender) {
            return appender.list.stream()
                    .filter(event -> event.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
