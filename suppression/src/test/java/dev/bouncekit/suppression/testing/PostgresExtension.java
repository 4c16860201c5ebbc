package dev.bouncekit.suppression.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Gives tests a {@link PostgresServer}: one per test run, started at first use under
 * {@code target/} (system property {@code bouncekit.postgres.dir}, default {@code target/postgres}),
 * stopped when the run ends.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The server of this test run. */
    public static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class,
                key -> new Running(PostgresServer.start(Path.of(System.getProperty("bouncekit.postgres.dir", "target/postgres")))),
                Running.class).server();
    }

    private record Running(PostgresServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}
