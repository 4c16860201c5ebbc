package dev.bouncekit.spring.test.internal;

import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.spring.test.AutoConfigureFakeReceiver;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import java.util.Map;

/**
 * Starts a receiver for one application context, before it is refreshed: registers it as the bean
 * {@value AutoConfigureFakeReceiver#BEAN_NAME}, stopped when the context closes (after the beans
 * registered later, which may still send mail while they stop), points {@code spring.mail.host} and
 * {@code spring.mail.port} at it and turns TLS off (plain {@code smtp}, no STARTTLS required, no implicit
 * TLS), above every other property source, and sets short mail timeouts
 * below every other source, so that an application's own settings win.
 *
 * <p>Part of the context's cache key: equal customizers (the same fixed port, or both a free one)
 * let test classes share one cached context, and with it one receiver.
 */
final class FakeReceiverContextCustomizer implements ContextCustomizer {

    /** The property source with the receiver's address. */
    static final String ADDRESS_SOURCE = "bouncekitFakeReceiver";
    /** The property source with the default timeouts. */
    static final String TIMEOUT_SOURCE = "bouncekitFakeReceiverTimeouts";
    /** Connect, read and write timeouts in milliseconds: a test fails in seconds, not minutes, when mail hangs. */
    static final String TIMEOUT_MILLIS = "5000";

    private final int smtpPort;

    FakeReceiverContextCustomizer(int smtpPort) {
        this.smtpPort = smtpPort;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
            throw new IllegalStateException("@AutoConfigureFakeReceiver needs an application context whose bean"
                    + " factory can stop the receiver with the context, not " + beanFactory.getClass().getName());
        }
        FakeReceiver receiver;
        try {
            receiver = FakeReceiver.builder().smtpPort(smtpPort).build().start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the builder's or GreenMail's words alone name neither the annotation nor the way out
            String where = "@AutoConfigureFakeReceiver(smtpPort = " + smtpPort + ") on " + mergedConfig.getTestClass().getName() + ": ";
            throw new IllegalStateException(where + e.getMessage() + (e instanceof IllegalStateException && smtpPort != 0
                    ? "; another application context Spring keeps cached (a test class with other configuration and the"
                    + " same smtpPort) or another process holds the port: give each configuration a port of its own, or"
                    + " leave smtpPort at 0 for a free one" : ""), e);
        }
        beanFactory.registerSingleton(AutoConfigureFakeReceiver.BEAN_NAME, receiver);
        registry.registerDisposableBean(AutoConfigureFakeReceiver.BEAN_NAME, receiver::close);

        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource(ADDRESS_SOURCE, Map.of(
                "spring.mail.host", receiver.host(),
                "spring.mail.port", receiver.smtpPort(),
                // the receiver speaks plain SMTP (GreenMail has no STARTTLS): a production setting that
                // requires TLS would make every send fail before the first command
                "spring.mail.protocol", "smtp",
                "spring.mail.properties.mail.smtp.starttls.required", "false",
                "spring.mail.properties.mail.smtp.ssl.enable", "false")));
        sources.addLast(new MapPropertySource(TIMEOUT_SOURCE, Map.of(
                "spring.mail.properties.mail.smtp.connectiontimeout", TIMEOUT_MILLIS,
                "spring.mail.properties.mail.smtp.timeout", TIMEOUT_MILLIS,
                "spring.mail.properties.mail.smtp.writetimeout", TIMEOUT_MILLIS)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FakeReceiverContextCustomizer that && that.smtpPort == smtpPort;
    }

    @Override
    public int hashCode() {
        return FakeReceiverContextCustomizer.class.hashCode() * 31 + smtpPort;
    }

    @Override
    public String toString() {
        return "FakeReceiverContextCustomizer[smtpPort=" + (smtpPort == 0 ? "free" : smtpPort) + "]";
    }
}
