package dev.bouncekit.bench;

/**
 * The sizes of the receiver benchmark: how many messages, connections and round trips each
 * scenario sends per round, how many rounds, and the warm-up before them. {@link #standard()} is
 * what {@code bench/run.sh} uses; {@link #smoke()} runs every path once or twice for a test.
 *
 * @param rounds            measured rounds of every scenario, endpoints taking turns
 * @param warmupMessages    messages sent to each endpoint before measuring, over one connection
 * @param reusedConnection  messages over one reused connection (scenarios a and d)
 * @param newConnections    messages each over a new connection (scenario b)
 * @param parallel          connections used at the same time (scenario c)
 * @param perParallel       messages over each of them
 * @param rules             rules installed for scenario d
 * @param roundTrips        timed RCPT round trips (scenario e), after as many untimed ones
 */
public record ReceiverWorkload(int rounds, int warmupMessages, int reusedConnection, int newConnections,
                               int parallel, int perParallel, int rules, int roundTrips) {

    /** The run of {@code bench/run.sh}: 2,000 messages a scenario, 100 new connections a round. */
    public static ReceiverWorkload standard() {
        return new ReceiverWorkload(5, 1000, 2000, 100, 4, 500, 1000, 2000);
    }

    /** A few messages of each kind: checks that every path works, measures nothing. */
    public static ReceiverWorkload smoke() {
        return new ReceiverWorkload(1, 2, 3, 2, 2, 2, 10, 5);
    }
}
