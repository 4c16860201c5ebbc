package dev.bouncekit.junit.assertions;

import dev.bouncekit.receiver.FakeReceiver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A raw SMTP client, so tests decide exactly which commands a transcript holds. */
final class SmtpDialog implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private SmtpDialog(FakeReceiver receiver) throws IOException {
        socket = new Socket(receiver.host(), receiver.smtpPort());
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
    }

    /** Connects, reads the greeting and says EHLO. */
    static SmtpDialog open(FakeReceiver receiver) {
        try {
            SmtpDialog dialog = new SmtpDialog(receiver);
            dialog.reply();
            dialog.command("EHLO client.test");
            return dialog;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one command line; returns the reply's last line. */
    String command(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return reply();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MAIL FROM, RCPT TO for each recipient, and DATA with a small message if any was accepted. */
    SmtpDialog mail(String from, String subject, String... to) {
        if (!command("MAIL FROM:<" + from + ">").startsWith("2")) {
            return this;
        }
        boolean any = false;
        for (String recipient : to) {
            any |= command("RCPT TO:<" + recipient + ">").startsWith("2");
        }
        if (any && command("DATA").startsWith("3")) {
            command("From: <" + from + ">\r\nTo: <" + String.join(">, <", to) + ">\r\nSubject: " + subject
                    + "\r\n\r\nHello from the test.\r\n.");
        } else {
            command("RSET");
        }
        return this;
    }

    private String reply() throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                return "";
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    /** QUIT and close. */
    @Override
    public void close() {
        try (socket) {
            command("QUIT");
        } catch (IOException | UncheckedIOException e) {
            // the receiver may have closed first
        }
    }

    /** One connection: open, send one message, quit. */
    static void deliver(FakeReceiver receiver, String from, String subject, String... to) {
        try (SmtpDialog dialog = open(receiver)) {
            dialog.mail(from, subject, to);
        }
    }
}
