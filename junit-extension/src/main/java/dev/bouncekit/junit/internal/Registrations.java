package dev.bouncekit.junit.internal;

import dev.bouncekit.junit.internal.DeclaredRegistrations.RegisteringField;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstances;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where an extension type is registered for a test: its {@code @RegisterExtension} fields (of the
 * test class, its superclasses and, for a {@code @Nested} class, its enclosing classes) and whether
 * {@code @ExtendWith} names it, so that an error can name each registration. What the class
 * declares is read once per test class and kept in the store of the class's extension context.
 */
public final class Registrations {

    private static final Namespace NAMESPACE = Namespace.create(Registrations.class);

    /** How often each test class's registrations were read by reflection, for this package's tests. */
    private static final ClassValue<AtomicInteger> READS = new ClassValue<>() {
        @Override
        protected AtomicInteger computeValue(Class<?> type) {
            return new AtomicInteger();
        }
    };

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
        DeclaredRegistrations declared = declared(context, testClass, type);
        for (RegisteringField field : declared.fields()) {
            if (field.byType() || holds(field.field(), type, context)) {
                places.add(field.place());
                fields.add(field.field().getName());
            }
        }
        String extendWith = declared.extendWith();   // the outermost class, else the method
        if (extendWith == null && context.getTestMethod().map(m -> DeclaredRegistrations.extendsWith(m, type)).orElse(false)) {
            extendWith = context.getRequiredTestMethod().getName() + "()";
        }
        if (extendWith != null) {
            places.add(0, "@ExtendWith(" + type.getSimpleName() + ".class) on " + extendWith);
        }
        return new Registrations(places, fields);
    }

    /** What {@code testClass} declares, read on first use and kept while its extension context lives. */
    private static DeclaredRegistrations declared(ExtensionContext context, Class<?> testClass, Class<? extends Extension> type) {
        ExtensionContext owner = context;   // a method's, an invocation's or a dynamic test's context lies below its class's
        while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(List.of(testClass, type), key -> {
            READS.get(testClass).incrementAndGet();
            return DeclaredRegistrations.of(testClass, type);
        }, DeclaredRegistrations.class);
    }

    /** How often the registrations of {@code testClass} were read by reflection. */
    static int reads(Class<?> testClass) {
        return READS.get(testClass).get();
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

    /**
     * Whether a {@code @RegisterExtension} field declared as a supertype of {@code type}, such as
     * {@code Extension}, holds an extension of {@code type}: by its value, when it can be read.
     */
    private static boolean holds(Field field, Class<?> type, ExtensionContext context) {
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
