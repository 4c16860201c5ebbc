package dev.bouncekit.junit.internal;

import dev.bouncekit.junit.Greylist;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.junit.RejectSender;
import dev.bouncekit.junit.Scenario;
import dev.bouncekit.receiver.ReplyRule;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

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
        method.ifPresent(m -> rules.addAll(on(m, describe(m))));
        for (Class<?> type : classesInnermostFirst(context)) {
            rules.addAll(on(type, type.getName()));
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

    private static List<ReplyRule> on(AnnotatedElement element, String where) {
        List<ReplyRule> rules = new ArrayList<>();
        for (RejectRecipient a : AnnotationSupport.findRepeatableAnnotations(element, RejectRecipient.class)) {
            rules.add(build(a, where, () -> RuleFactory.rejectRecipient(a.value(), a.reply(), a.times())));
        }
        for (RejectSender a : AnnotationSupport.findRepeatableAnnotations(element, RejectSender.class)) {
            rules.add(build(a, where, () -> RuleFactory.rejectSender(a.value(), a.reply(), a.times())));
        }
        for (Greylist a : AnnotationSupport.findRepeatableAnnotations(element, Greylist.class)) {
            rules.add(build(a, where, () -> RuleFactory.greylist(a.recipient(), a.reply(), a.times())));
        }
        Optional<Scenario> scenario = AnnotationSupport.findAnnotation(element, Scenario.class);
        if (scenario.isPresent()) {
            rules.addAll(build(scenario.get(), where, () -> ScenarioFile.rules(scenario.get().value(), loaderOf(element))));
        }
        return rules;
    }

    private static ClassLoader loaderOf(AnnotatedElement element) {
        Class<?> type = element instanceof Method m ? m.getDeclaringClass() : (Class<?>) element;
        return type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    }

    private static <T> T build(Object annotation, String where, java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(annotation + " on " + where + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName() + "()";
    }
}
