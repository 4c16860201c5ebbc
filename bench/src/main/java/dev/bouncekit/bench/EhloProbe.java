package dev.bouncekit.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The cheapest SMTP session a client can have: connect, read the greeting, {@code EHLO}, read the
 * whole reply, {@code QUIT}, read its reply, close; one connection after the other. What it
 * measures is a server's cost per connection, greeting and EHLO replies included.
 */
public final class EhloProbe {

    private static final byte[] EHLO = "EHLO probe.example\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUIT = "QUIT\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;

    /** A probe of the server on 127.0.0.1:{@code port}. */
    public EhloProbe(int port) {
        this.port = port;
    }

    /**
     * Sessions one after the other until {@code connections} are done or {@code maxNanos} have passed
     * (a slow server is measured on fewer); returns the sessions per second.
     */
    public double rate(int connections, long maxNanos) throws IOException {
        long start = System.nanoTime();
        int done = 0;
        long elapsed = 0;
        while (done < connections && elapsed < maxNanos) {
            session();
            done++;
            elapsed = System.nanoTime() - start;
        }
        return done / (elapsed / 1e9);
    }

    /** Runs {@code connections} sessions one after the other; returns the elapsed nanoseconds. */
    public long run(int connections) throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            session();
        }
        return System.nanoTime() - start;
    }

    private void session() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            expect(in, '2');
            out.write(EHLO);
            expect(in, '2');
            out.write(QUIT);
            expect(in, '2');
        }
    }

    /** Reads one reply, all its lines, and checks the first digit of its code. */
    private static void expect(InputStream in, char digit) throws IOException {
        while (true) {
            int first = in.read();
            int b;
            int fourth = -1;
            int n = 1;
            while ((b = in.read()) >= 0 && b != '\n') {
                n++;
                if (n == 4) {
                    fourth = b;
                }
            }
            if (first != digit || b < 0) {
                throw new IOException("unexpected reply from the server (first digit '" + (char) first + "')");
            }
            if (fourth != '-') {
                return;
            }
        }
    }
}
