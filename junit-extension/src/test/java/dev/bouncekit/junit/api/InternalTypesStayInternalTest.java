package dev.bouncekit.junit.api;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.junit.FakeReceiverExtension;
import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published jars name their module ({@code Automatic-Module-Name}), which exports every package,
 * so the {@code internal} packages stay internal by this rule: no public or protected member of a
 * public type outside them names a type inside them (in a signature, a field, a supertype or a type
 * argument). Covers bouncekit-core, bouncekit-fake-receiver and bouncekit-junit.
 */
class InternalTypesStayInternalTest {

    @Test
    void no_public_api_exposes_an_internal_type() throws Exception {
        List<String> exposures = new ArrayList<>();
        for (Class<?> anchor : List.of(BounceClassifier.class, FakeReceiver.class, FakeReceiverExtension.class)) {
            for (String name : classNames(anchor)) {
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (isApi(type)) {
                    exposures.addAll(exposures(type));
                }
            }
        }
        assertThat(exposures).as("public API naming internal types").isEmpty();
    }

    @Test
    void the_check_sees_the_internal_packages() throws Exception {
        assertThat(classNames(FakeReceiver.class)).anyMatch(InternalTypesStayInternalTest::isInternalName);
        assertThat(classNames(FakeReceiverExtension.class)).anyMatch(InternalTypesStayInternalTest::isInternalName);
    }

    private static boolean isApi(Class<?> type) {
        if (isInternalName(type.getName()) || type.isSynthetic()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> exposures(Class<?> type) {
        List<String> found = new ArrayList<>();
        check(type.getName() + " extends", type.getGenericSuperclass(), found);
        for (Type i : type.getGenericInterfaces()) {
            check(type.getName() + " implements", i, found);
        }
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers())) {
                check(type.getName() + "." + f.getName(), f.getGenericType(), found);
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                check(type.getName() + "." + m.getName() + "() returns", m.getGenericReturnType(), found);
                signature(type.getName() + "." + m.getName() + "()", m, found);
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers()) && !c.isSynthetic()) {
                signature(type.getName() + "(constructor)", c, found);
            }
        }
        return found;
    }

    private static void signature(String where, Executable e, List<String> found) {
        for (Type p : e.getGenericParameterTypes()) {
            check(where + " takes", p, found);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            check(where + " throws", x, found);
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(String where, Type type, List<String> found) {
        check(where, type, found, new HashSet<>());
    }

    private static void check(String where, Type type, List<String> found, Set<Type> seen) {
        if (!seen.add(type)) {
            return; // a recursive bound such as T extends Comparable<T>
        }
        if (type instanceof Class<?> c) {
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            if (isInternalName(base.getName())) {
                found.add(where + " " + base.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(where, p.getRawType(), found, seen);
            for (Type arg : p.getActualTypeArguments()) {
                check(where, arg, found, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            check(where, a.getGenericComponentType(), found, seen);
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach(b -> check(where, b, found, seen));
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(where, b, found, seen);
            }
        }
    }

    private static boolean isInternalName(String className) {
        return className.contains(".internal.");
    }

    /** The classes of the jar or directory the anchor class was loaded from. */
    private static List<String> classNames(Class<?> anchor) throws IOException, URISyntaxException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> entries.add(root.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().forEach(e -> entries.add(e.getName()));
            }
        }
        return entries.stream()
                .filter(e -> e.endsWith(".class") && !e.endsWith("module-info.class") && !e.endsWith("package-info.class")
                        && !e.startsWith("META-INF/"))
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                .toList();
    }
}
