package dev.bouncekit.receiver.internal;

import org.slf4j.spi.SLF4JServiceProvider;

import java.util.ServiceLoader;

/**
 * Keeps a test run free of SLF4J's "No SLF4J providers were found" warning. GreenMail logs through
 * SLF4J; when the class path holds no SLF4J provider and nobody chose one ({@code slf4j.provider}),
 * this selects SLF4J's own no-operation provider, as SLF4J would after its warning. An application
 * that ships a provider (Logback, slf4j-simple, ...) is left alone and logs as it always does.
 */
public final class QuietLoggingDefault {

    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
    static final String NO_OPERATION_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

    private QuietLoggingDefault() {
    }

    /** Selects the no-operation provider when no provider is on the class path and none is chosen. */
    public static synchronized void apply() {
        if (System.getProperty(PROVIDER_PROPERTY) != null || providerPresent()) {
            return;
        }
        System.setProperty(PROVIDER_PROPERTY, NO_OPERATION_PROVIDER);
        if (System.getProperty(VERBOSITY_PROPERTY) == null) {
            // else SLF4J reports, at INFO, that it loads the provider the property names
            System.setProperty(VERBOSITY_PROPERTY, "WARN");
        }
    }

    private static boolean providerPresent() {
        ClassLoader loader = SLF4JServiceProvider.class.getClassLoader();
        try {
            return ServiceLoader.load(SLF4JServiceProvider.class, loader).stream().findAny().isPresent();
        } catch (java.util.ServiceConfigurationError e) {
            return true; // a provider is there, if broken: SLF4J will say so itself
        }
    }
}
