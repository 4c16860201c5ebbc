package dev.bouncekit.receiver;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test when any thread died of an exception while it ran (GreenMail's connection threads
 * print such exceptions and vanish). Installs a default uncaught-exception handler for the test.
 */
final class NoUncaughtExceptions implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoUncaughtExceptions.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        List<String> died = new ArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        context.getStore(NS).put("previous", previous == null ? NoHandler.INSTANCE : previous);
        context.getStore(NS).put("died", died);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            synchronized (died) {
                died.add(thread.getName() + ": " + e);
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Object previous = context.getStore(NS).get("previous");
        Thread.setDefaultUncaughtExceptionHandler(
                previous instanceof Thread.UncaughtExceptionHandler h ? h : null);
        @SuppressWarnings("unchecked")
        List<String> died = (List<String>) context.getStore(NS).get("died");
        synchronized (died) {
            assertThat(died).as("threads that died of an exception").isEmpty();
        }
    }

    private enum NoHandler {
        INSTANCE
    }
}
