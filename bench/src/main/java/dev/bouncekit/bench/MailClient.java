package dev.bouncekit.bench;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * An Angus Mail (Jakarta Mail) SMTP client sending a fixed small message to 127.0.0.1 in the ways
 * the receiver benchmarks need. Every loop is bounded by its count and by socket time-outs.
 */
public final class MailClient {

    /** Socket connect and read time-out, milliseconds. */
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Session session;
    private final MimeMessage message;
    private final Address[] recipients;

    /** A client for the server on 127.0.0.1:{@code port}. */
    public MailClient(int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.localhost", "bench.example");
        props.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        props.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        props.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        session = Session.getInstance(props);
        try {
            message = new MimeMessage(session);
            message.setFrom(new InternetAddress("sender@example.com"));
            recipients = new Address[] {new InternetAddress("rcpt@example.net")};
            message.setRecipients(Message.RecipientType.TO, recipients);
            message.setSubject("bench");
            message.setText("A small message for the receiver benchmark.\n".repeat(20));
            message.saveChanges();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the benchmark message", e);
        }
    }

    /** The size of the message as sent, in bytes (after dot-stuffing, without the final dot). */
    public int messageSize() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot write the benchmark message", e);
        }
        return out.size();
    }

    /** Sends {@code count} messages over one connection; returns the elapsed nanoseconds. */
    public long sendOverOneConnection(int count) throws MessagingException {
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                transport.sendMessage(message, recipients);
            }
        }
        return System.nanoTime() - start;
    }

    /** Sends {@code count} messages, each over a connection of its own; returns the elapsed nanoseconds. */
    public long sendOneConnectionEach(int count) throws MessagingException {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, recipients);
            }
        }
        return System.nanoTime() - start;
    }

    /**
     * Sends {@code perConnection} messages over each of {@code connections} connections used at
     * the same time, one thread each; returns the nanoseconds from the start signal until the
     * last one is done.
     */
    public long sendInParallel(int connections, int perConnection) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            CountDownLatch ready = new CountDownLatch(connections);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                Callable<Void> sender = () -> {
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        ready.countDown();
                        go.await();
                        for (int i = 0; i < perConnection; i++) {
                            transport.sendMessage(message, recipients);
                        }
                    }
                    return null;
                };
                done.add(pool.submit(sender));
            }
            if (!ready.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the parallel connections did not open in time");
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<Void> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Over one connection, after one {@code MAIL FROM}, sends {@code RCPT TO:<recipient>}
     * {@code warmup} times untimed, then {@code count} times timing each round trip; every reply
     * must have {@code expectedCode}.
     */
    public Latencies recipientRoundTrips(String recipient, int warmup, int count, int expectedCode)
            throws MessagingException {
        long[] nanos = new long[count];
        String command = "RCPT TO:<" + recipient + ">";
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect();
            expect(transport, "MAIL FROM:<sender@example.com>", 250);
            for (int i = -warmup; i < count; i++) {
                long start = System.nanoTime();
                int code = transport.simpleCommand(command);
                long elapsed = System.nanoTime() - start;
                if (code != expectedCode) {
                    throw new IllegalStateException(command + " got " + transport.getLastServerResponse()
                            + ", expected " + expectedCode);
                }
                if (i >= 0) {
                    nanos[i] = elapsed;
                }
            }
            expect(transport, "RSET", 250);
        }
        return new Latencies(nanos);
    }

    private static void expect(SMTPTransport transport, String command, int code) throws MessagingException {
        int got = transport.simpleCommand(command);
        if (got != code) {
            throw new IllegalStateException(command + " got " + transport.getLastServerResponse() + ", expected " + code);
        }
    }
}
