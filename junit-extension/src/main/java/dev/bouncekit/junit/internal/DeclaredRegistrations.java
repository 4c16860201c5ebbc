package dev.bouncekit.junit.internal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a test class declares of an extension type, read by reflection once: the class whose
 * {@code @ExtendWith} names it (the outermost, for a {@code @Nested} class) and the
 * {@code @RegisterExtension} fields of the class, its superclasses and its enclosing classes that
 * hold it, or, declared as a supertype such as {@code Extension}, may hold it.
 */
final class DeclaredRegistrations {

    /** A {@code @RegisterExtension} field; {@code byType} when its declared type alone says it holds the extension. */
    record RegisteringField(Field field, String place, boolean byType) {
    }

    private final String extendWith;
    private final List<RegisteringField> fields;

    private DeclaredRegistrations(String extendWith, List<RegisteringField> fields) {
        this.extendWith = extendWith;
        this.fields = List.copyOf(fields);
    }

    /** Reads the registrations of {@code type} that {@code testClass} declares. */
    static DeclaredRegistrations of(Class<?> testClass, Class<? extends Extension> type) {
        List<Class<?>> classes = new ArrayList<>();   // the outermost first
        for (Class<?> c = testClass; c != null; c = isNested(c) ? c.getEnclosingClass() : null) {
            classes.add(0, c);
        }
        String extendWith = null;
        List<RegisteringField> fields = new ArrayList<>();
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
                    boolean byType = type.isAssignableFrom(field.getType());
                    if (field.isAnnotationPresent(RegisterExtension.class) && (byType || field.getType().isAssignableFrom(type))) {
                        fields.add(new RegisteringField(field, "field " + k.getSimpleName() + "." + field.getName(), byType));
                    }
                }
            }
        }
        return new DeclaredRegistrations(extendWith, fields);
    }

    /** The simple name of the class whose {@code @ExtendWith} names the type, or null. */
    String extendWith() {
        return extendWith;
    }

    /** The fields that hold the type or may, in the order found. */
    List<RegisteringField> fields() {
        return fields;
    }

    /** Whether {@code @ExtendWith} on {@code element} names {@code type}. */
    static boolean extendsWith(AnnotatedElement element, Class<? extends Extension> type) {
        return AnnotationSupport.findRepeatableAnnotations(element, ExtendWith.class).stream()
                .anyMatch(e -> Arrays.asList(e.value()).contains(type));
    }

    private static boolean isNested(Class<?> c) {
        return c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) && c.isAnnotationPresent(Nested.class);
    }
}
