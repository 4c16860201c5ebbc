package dev.bouncekit.receiver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A bare SMTP client over a socket that returns replies as the exact bytes received (as text,
 * ISO-8859-1), so tests can compare them with the catalog's wire form.
 */
final class RawSmtpClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawSmtpClient(FakeReceiver receiver) throws IOException {
        this(connected(new Socket(), receiver));
    }

    /** A client on an already connected socket (e.g. one with a small receive buffer). */
    RawSmtpClient(Socket connected) throws IOException {
        socket = connected;
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    private static Socket connected(Socket socket, FakeReceiver receiver) throws IOException {
        socket.connect(receiver.smtpAddress(), 5_000);
        return socket;
    }

    /** Reads one complete reply (through the line whose fourth character is not '-'), CRLFs included. */
    String reply() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    all.write(line.toByteArray());
                    return all.size() == 0 ? null : all.toString(StandardCharsets.ISO_8859_1);
                }
                line.write(b);
                if (previous == '\r' && b == '\n') {
                    break;
                }
                previous = b;
            }
            byte[] bytes = line.toByteArray();
            all.write(bytes);
            if (bytes.length < 4 || bytes[3] != '-') {
                return all.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** Sends one command line (CRLF added) and reads the reply. */
    String command(String line) throws IOException {
        write(line + "\r\n");
        return reply();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads replies until the server closes the connection; all of them, CRLFs included. */
    String repliesUntilClosed() throws IOException {
        StringBuilder all = new StringBuilder();
        try {
            String reply;
            while ((reply = reply()) != null) {
                all.append(reply);
            }
        } catch (java.net.SocketException reset) {
            // closed by a reset after the last reply
        }
        return all.toString();
    }

    /** Stops sending (TCP FIN) but keeps reading. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Drops the connection with a TCP reset instead of a FIN. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** The client's local port, as the transcript records it. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** True when the server has closed the connection (end of stream, or reset). */
    boolean isClosedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
