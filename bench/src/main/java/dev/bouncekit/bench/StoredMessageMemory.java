package dev.bouncekit.bench;

import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.Retention;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap kept per stored message: {@code messages} messages of the {@link MailClient}'s (about
 * 1.2 KB as stored) sent over one connection, heap in use measured after full collections before
 * and after, the difference divided by the count. Stock GreenMail next to the fake receiver as
 * {@code bouncekit serve} runs it (its retention, {@link Retention#SERVE_DEFAULTS}) and as a test
 * gets it by default ({@link Retention#UNLIMITED}, which also fills GreenMail's mailboxes). Each
 * server runs alone in this JVM; transcripts count, as they are part of what is kept.
 *
 * @param messages messages stored before measuring (at most the serve retention's 1,000, so
 *                 nothing is evicted)
 */
public record StoredMessageMemory(int messages) {

    /** The run of {@code bench/run.sh}. */
    public static StoredMessageMemory standard() {
        return new StoredMessageMemory(1000);
    }

    /** Adds one row per server to {@code table}. */
    public void run(ResultsTable table) throws Exception {
        double greenMail;
        try (StockGreenMail server = StockGreenMail.start()) {
            greenMail = perMessage(server);
        }
        double serve;
        try (BouncekitReceiver server = BouncekitReceiver.start(FakeReceiver.builder().retention(Retention.SERVE_DEFAULTS))) {
            serve = perMessage(server);
        }
        double library;
        try (BouncekitReceiver server = BouncekitReceiver.start(FakeReceiver.builder())) {
            library = perMessage(server);
        }
        int size = new MailClient(0).messageSize();
        String baseline = "GreenMail: " + Figures.count(greenMail) + " B";
        table.info("heap per stored message (" + Figures.count(size) + " B sent), serve's retention",
                Figures.count(serve) + " B", baseline, Figures.ratio(serve / greenMail));
        table.info("  same, FakeReceiver's default (unlimited, also in GreenMail's mailboxes)",
                Figures.count(library) + " B", baseline, Figures.ratio(library / greenMail));
    }

    private double perMessage(SmtpEndpoint server) throws Exception {
        new MailClient(server.port()).sendOverOneConnection(100);
        server.clearMail();
        long before = usedAfterGc();
        new MailClient(server.port()).sendOverOneConnection(messages);
        long after = usedAfterGc();
        double perMessage = (after - before) / (double) messages;
        server.clearMail();
        return perMessage;
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
