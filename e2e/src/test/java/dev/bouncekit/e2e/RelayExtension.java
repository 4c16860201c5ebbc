package dev.bouncekit.e2e;

import dev.bouncekit.receiver.FakeReceiver;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fake receiver and one James relaying to it, per test class; the test methods get them as
 * {@link FakeReceiver} and {@link JamesRelay} parameters. The receiver is reset before each test,
 * and after each test no mail may have landed in James's error repository.
 */
final class RelayExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RelayExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        relay(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        relay(context).receiver().reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        JamesRelay james = relay(context).james();
        assertThat(james.count(JamesRelay.ERROR)).as("mails in James's error repository").isZero();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeReceiver.class || type == JamesRelay.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Relay relay = relay(context);
        return parameter.getParameter().getType() == FakeReceiver.class ? relay.receiver() : relay.james();
    }

    private static Relay relay(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Relay.class, key -> Relay.start(), Relay.class);
    }

    /** The receiver, James in front of it, and James's working directory. */
    private record Relay(FakeReceiver receiver, JamesRelay james, Path workDir)
            implements AutoCloseable {

        static Relay start() {
            FakeReceiver receiver = FakeReceiver.builder().build().start();
            Path workDir = null;
            try {
                workDir = Files.createTempDirectory("bouncekit-james-");
                JamesRelay james = JamesRelay.start(workDir, Map.of(
                        "gatewayPort", String.valueOf(receiver.smtpPort()),
                        "closedPort", String.valueOf(ClosedPorts.any())));
                return new Relay(receiver, james, workDir);
            } catch (Exception e) {
                receiver.close();
                delete(workDir);
                throw new IllegalStateException("cannot start James", e);
            }
        }

        @Override
        public void close() {
            try {
                james.close();
            } finally {
                receiver.close();
                delete(workDir);
            }
        }

        private static void delete(Path dir) {
            if (dir == null) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
