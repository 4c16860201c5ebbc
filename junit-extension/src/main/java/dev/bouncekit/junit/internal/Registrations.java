package dev.bouncekit.junit.internal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstances;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an extension type is registered for a test: its {@code @RegisterExtension} fields (of the
 * test class, its superclasses and, for a {@code @Nested} class, its enclosing classes) and whether
 * {@code @ExtendWith} names it, so that an error can name each registration.
 */
public final class Registrations {

    private final List<String> places;
    private final List<String> fields;

    private Registrations(List<String> places, List<String> fields) {
        this.places = List.copyOf(places);
        this.fields = List.copyOf(fields);
    }

    /** The registrations of {@code type} for the class (and method) of {@code context}. */
    public static Registrations of(ExtensionContext context, Class<? extends Extension> type) {
        List<String> places = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        Class<?> testClass = context.getTestClass().orElse(null);
        if (testClass == null) {
            return new Registrations(places, fields);
        }
        List<Class<?>> classes = new ArrayList<>();   // the outermost first
        for (Class<?> c = testClass; c != null; c = isNested(c) ? c.getEnclosingClass() : null) {
            classes.add(0, c);
        }
        String extendWith = null;   // where @ExtendWith names the type: the outermost class, else the method
        for (Class<?> c : classes) {
            if (extendWith == null && extendsWith(c, type)) {
                extendWith = c.getSimpleName();
            }
            List<Class<?>> chain = new ArrayList<>();   // the topmost superclass first
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                chain.add(0, k);
            }
            for (Class<?> k : chain) {
                for (Field field : k.getDeclaredFields()) {
                    if (field.isAnnotationPresent(RegisterExtension.class) && holds(field, type, context)) {
                        places.add("field " + k.getSimpleName() + "." + field.getName());
                        fields.add(field.getName());
                    }
                }
            }
        }
        if (extendWith == null && context.getTestMethod().map(m -> extendsWith(m, type)).orElse(false)) {
            extendWith = context.getRequiredTestMethod().getName() + "()";
        }
        if (extendWith != null) {
            places.add(0, "@ExtendWith(" + type.getSimpleName() + ".class) on " + extendWith);
        }
        return new Registrations(places, fields);
    }

    /** How many registrations there are. */
    public int count() {
        return places.size();
    }

    /** Each registration described, e.g. {@code field SignupMailTest.smtp}, joined with commas and "and". */
    public String described() {
        if (places.size() < 2) {
            return String.join("", places);
        }
        return String.join(", ", places.subList(0, places.size() - 1)) + " and " + places.get(places.size() - 1);
    }

    /** The names of the registering fields, in the order found. */
    public List<String> fieldNames() {
        return fields;
    }

    private static boolean isNested(Class<?> c) {
        return c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) && c.isAnnotationPresent(Nested.class);
    }

    private static boolean extendsWith(AnnotatedElement element, Class<? extends Extension> type) {
        return AnnotationSupport.findRepeatableAnnotations(element, ExtendWith.class).stream()
                .anyMatch(e -> Arrays.asList(e.value()).contains(type));
    }

    /**
     * Whether a {@code @RegisterExtension} field holds an extension of {@code type}: by its declared
     * type, or, declared as a supertype such as {@code Extension}, by its value when it can be read.
     */
    private static boolean holds(Field field, Class<?> type, ExtensionContext context) {
        if (type.isAssignableFrom(field.getType())) {
            return true;
        }
        if (!field.getType().isAssignableFrom(type)) {
            return false;
        }
        Object owner = null;
        if (!Modifier.isStatic(field.getModifiers())) {
            Optional<Object> instance = context.getTestInstances().flatMap(
                    (TestInstances all) -> all.findInstance(field.getDeclaringClass()).map(Object.class::cast));
            if (instance.isEmpty()) {
                return false;
            }
            owner = instance.get();
        }
        try {
            field.setAccessible(true);
            return type.isInstance(field.get(owner));
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return false;
        }
    }
}
