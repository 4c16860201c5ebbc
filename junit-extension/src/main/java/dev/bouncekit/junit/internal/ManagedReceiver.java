package dev.bouncekit.junit.internal;

import dev.bouncekit.junit.ReceiverTurns;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReplyRule;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.Set;

/**
 * A started receiver as held in JUnit's {@code ExtensionContext.Store}: JUnit closes it, and with it
 * the server, when the class or test that owns it is done. Tests that share it take turns
 * ({@link #takeTurn()}), since rules and mail are reset for each test.
 *
 * <p>It and its turns are {@code Store.CloseableResource}s as well as {@link AutoCloseable}s: JUnit
 * 5.13 and later close both kinds of store values, JUnit 5.12 (Spring Boot 3.5's) only the former,
 * and there a turn never given back would keep the next test waiting for ever.
 */
@SuppressWarnings("deprecation")   // Store.CloseableResource, for JUnit 5.12
public final class ManagedReceiver implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final FakeReceiver receiver;
    private final Set<FakeReceiver> running;

    private ManagedReceiver(FakeReceiver receiver, Set<FakeReceiver> running) {
        this.receiver = receiver;
        this.running = running;
    }

    /**
     * Starts a receiver built by {@code builder} and adds it to {@code running} until closed.
     *
     * @throws IllegalStateException when the port cannot be bound
     */
    public static ManagedReceiver start(FakeReceiver.Builder builder, Set<FakeReceiver> running) {
        FakeReceiver receiver = builder.build().start();
        running.add(receiver);
        return new ManagedReceiver(receiver, running);
    }

    /** The running receiver. */
    public FakeReceiver receiver() {
        return receiver;
    }

    /**
     * Closes the connections the previous test left open (a mailer that keeps its connection, a test
     * that stopped mid-message), so that nothing they send reaches this test unrecorded, then forgets
     * that test's mail, transcript and rules; magic addresses on or off.
     */
    public void reset(boolean magicAddresses) {
        receiver.closeConnections();
        receiver.reset();
        receiver.magicAddresses(magicAddresses);
    }

    /** Installs the rules of the test about to run. */
    public void install(List<ReplyRule> rules) {
        receiver.setRules(rules);
    }

    /**
     * Waits until no other test uses this receiver. Closing the returned turn lets the next test
     * in; it is closed by JUnit with the test's store.
     */
    public AutoCloseable takeTurn() {
        return new Turn(ReceiverTurns.take(receiver));
    }

    /** A test's turn at a shared receiver; closing it, once or more, lets the next test in. */
    @SuppressWarnings("deprecation")   // Store.CloseableResource, for JUnit 5.12
    private static final class Turn implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final ReceiverTurns.Turn turn;

        Turn(ReceiverTurns.Turn turn) {
            this.turn = turn;
        }

        @Override
        public void close() {
            turn.close();
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        running.remove(receiver);
        receiver.close();
    }
}
