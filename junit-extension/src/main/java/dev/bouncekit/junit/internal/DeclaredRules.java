package dev.bouncekit.junit.internal;

import dev.bouncekit.junit.Greylist;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.junit.RejectSender;
import dev.bouncekit.junit.RuleAnnotations;
import dev.bouncekit.junit.Scenario;
import dev.bouncekit.receiver.ReplyRule;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link RejectRecipient}, {@link RejectSender}, {@link Greylist} and {@link Scenario} from
 * the test method and its classes: the method's first, then the test class's, then those of the
 * classes enclosing a {@code @Nested} class, innermost first, so that the most specific rule
 * answers. On one method or class, the annotations' rules come before the scenario's.
 */
public final class DeclaredRules {

    private DeclaredRules() {
    }

    /** The rules declared for the test or class of this context, most specific first. */
    public static List<ReplyRule> of(ExtensionContext context) {
        List<ReplyRule> rules = new ArrayList<>();
        Optional<Method> method = context.getTestMethod();
        method.ifPresent(m -> rules.addAll(on(m)));
        for (Class<?> type : classesInnermostFirst(context)) {
            rules.addAll(on(type));
        }
        return rules;
    }

    private static List<Class<?>> classesInnermostFirst(ExtensionContext context) {
        List<Class<?>> out = new ArrayList<>();
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            current.get().getTestClass().ifPresent(type -> {
                if (!out.contains(type)) {
                    out.add(type);
                }
            });
            current = current.get().getParent();
        }
        return out;
    }

    private static List<ReplyRule> on(AnnotatedElement element) {
        try {
            return RuleAnnotations.declaredOn(element);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e.getCause() != null ? e.getCause() : e);
        }
    }
}
