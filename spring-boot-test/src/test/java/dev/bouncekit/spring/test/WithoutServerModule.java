package dev.bouncekit.spring.test;

import dev.bouncekit.server.scenario.Scenario;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test class path less bouncekit-server, as a project that does not depend on it has it: Spring,
 * bouncekit and the fixtures are loaded afresh from it, JUnit from the test's own class loader, so
 * that the test kit can run the fixtures loaded here.
 */
final class WithoutServerModule extends URLClassLoader {

    private static final List<String> SHARED = List.of("org.junit.", "org.opentest4j.", "org.apiguardian.");

    private final ClassLoader tests;

    private WithoutServerModule(URL[] urls, ClassLoader tests) {
        super("without-bouncekit-server", urls, ClassLoader.getPlatformClassLoader());
        this.tests = tests;
    }

    /** The test class path without the jar or folder that holds bouncekit-server's classes. */
    static WithoutServerModule create() throws URISyntaxException, MalformedURLException {
        Path server = Path.of(Scenario.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.isEmpty() && !path.toAbsolutePath().normalize().equals(server.toAbsolutePath().normalize())) {
                urls.add(path.toUri().toURL());
            }
        }
        return new WithoutServerModule(urls.toArray(URL[]::new), WithoutServerModule.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SHARED.stream().anyMatch(name::startsWith)) {
            return tests.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
