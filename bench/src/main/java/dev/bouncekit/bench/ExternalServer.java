package dev.bouncekit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.InetAddress;
import java.net.URISyntaxException;

/**
 * An SMTP server under measurement running as its own process on 127.0.0.1, as a user runs it:
 * Postfix's smtp-sink, stock GreenMail ({@link StockGreenMailProcess}) or {@code bouncekit serve}.
 * Its output goes to a log file; closing it stops the process.
 */
public final class ExternalServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final int port;
    private final PrintWriter control;

    private ExternalServer(String name, Process process, int port, PrintWriter control) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.control = control;
    }

    /** Postfix's smtp-sink on a free port: accepts everything, stores nothing. */
    public static ExternalServer smtpSink(Path sink, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(sink.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "postfix"));
        }
        command.addAll(List.of("127.0.0.1:" + port, "1024"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        awaitListening("smtp-sink", process, port, log);
        return new ExternalServer("smtp-sink", process, port, null);
    }

    /** Stock GreenMail in a JVM of its own, SMTP only; {@link #clearMail()} empties its mailboxes. */
    public static ExternalServer stockGreenMail(Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaCommand("-cp", ownJar(), StockGreenMailProcess.class.getName()))
                .redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int port = readPort(process, out, Pattern.compile("^port (\\d+)$"), log);
        return new ExternalServer("GreenMail 2.1.13", process, port,
                new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8)).withReplies(out);
    }

    /** {@code java -jar bouncekit.jar serve} with its defaults, on free ports; its log lines go to {@code log}. */
    public static ExternalServer serve(Path jar, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaCommand("-jar", jar.toString(), "serve", "--smtp-port", "0",
                "--http-port", "0")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern smtp = Pattern.compile("^\\s+SMTP\\s+127\\.0\\.0\\.1:(\\d+)\\b.*");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("bouncekit serve ended at start: " + Files.readString(log));
            }
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = smtp.matcher(line);
                if (m.matches()) {
                    return new ExternalServer("bouncekit serve", process, Integer.parseInt(m.group(1)), null);
                }
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("bouncekit serve printed no SMTP port within " + START_TIMEOUT.toSeconds() + " s");
    }

    private BufferedReader replies;

    private ExternalServer withReplies(BufferedReader out) {
        this.replies = out;
        return this;
    }

    /** The name shown in the table. */
    public String name() {
        return name;
    }

    /** The SMTP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The process id, for profiling. */
    public long pid() {
        return process.pid();
    }

    /** Forgets the stored mail where the server keeps it without bound (stock GreenMail); waits until done. */
    public void clearMail() throws IOException {
        if (control == null) {
            return;
        }
        control.println("clear");
        String reply = replies.readLine();
        if (!"cleared".equals(reply)) {
            throw new IOException(name + " did not clear its mail: " + reply);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (control != null) {
            control.close();
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return command;
    }

    private static String ownJar() {
        try {
            return Path.of(ExternalServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }

    private static int readPort(Process process, BufferedReader out, Pattern pattern, Path log) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        process.destroyForcibly();
        throw new IOException("the server ended before listening; see " + log);
    }

    private static void awaitListening(String what, Process process, int port, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(what + " ended at start: " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException(what + " did not listen on port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
