package dev.bouncekit.spring.test.internal;

import dev.bouncekit.spring.test.AutoConfigureFakeReceiver;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;

/**
 * Gives the context of a test class with {@link AutoConfigureFakeReceiver} (on it, a superclass or,
 * for {@code @Nested} classes, an enclosing class) a {@link FakeReceiverContextCustomizer}.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class FakeReceiverContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        AutoConfigureFakeReceiver settings =
                TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureFakeReceiver.class);
        return settings == null ? null : new FakeReceiverContextCustomizer(settings.smtpPort());
    }
}
