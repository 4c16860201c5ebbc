package dev.bouncekit.suppression.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} binaries
 * ({@code /usr/lib/postgresql/VERSION/bin}, the newest; or the directory in the environment variable
 * {@code BOUNCEKIT_PG_BIN}), a new cluster made by {@code initdb} under {@code target/}, started
 * by {@code pg_ctl} on a free loopback port, TCP only, trust authentication for user
 * {@code bouncekit}. PostgreSQL refuses to run as root: as root, the commands run as the
 * {@code postgres} user that Debian's package creates ({@code runuser -u postgres}).
 */
public final class PostgresServer implements AutoCloseable {

    private static final String USER = "bouncekit";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final Thread shutdownHook;
    private boolean running;

    private PostgresServer(Path bin, Path dataDir, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-stop");
    }

    /**
     * A new cluster in a new directory under {@code parent}, started. As root, when the
     * {@code postgres} user could not reach {@code parent} (a checkout under {@code /root}, say),
     * the cluster goes to the system's temporary directory instead.
     */
    public static PostgresServer start(Path parent) {
        Path bin = binaries();
        try {
            Files.createDirectories(parent);
            Path within = ROOT && !reachableByOthers(parent.toAbsolutePath()) ? Path.of(System.getProperty("java.io.tmpdir")) : parent;
            Path base = Files.createTempDirectory(within.toAbsolutePath(), "postgres-");
            Path dataDir = base.resolve("data");
            if (ROOT) {
                run(List.of("chown", "postgres", base.toString()), base);
            }
            PostgresServer server = new PostgresServer(bin, dataDir, freePort());
            server.initdb();
            server.startServer();
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a PostgreSQL cluster under " + parent, e);
        }
    }

    /** Whether every directory from the root down to {@code dir} lets other users through. */
    private static boolean reachableByOthers(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static Path binaries() {
        String configured = System.getenv("BOUNCEKIT_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                List<Path> found = versions.map(version -> version.resolve("bin"))
                        .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")))
                        .sorted(Comparator.comparing(dir -> versionOf(dir.getParent().getFileName().toString())))
                        .toList();
                if (!found.isEmpty()) {
                    return found.get(found.size() - 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin: install Debian's "
                + "postgresql package (apt-get install postgresql; .ci/run does so), or set BOUNCEKIT_PG_BIN");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void initdb() throws IOException {
        run(command(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync"), dataDir.getParent());
        String settings = "\n# bouncekit tests\nport = " + port + "\nlisten_addresses = '127.0.0.1'\n"
                + "unix_socket_directories = ''\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                + "max_connections = 100\nshared_buffers = 32MB\n";
        Path conf = dataDir.resolve("postgresql.conf");
        if (ROOT) {
            run(List.of("runuser", "-u", "postgres", "--", "sh", "-c", "cat >> '" + conf + "'"), dataDir.getParent(), settings);
        } else {
            Files.writeString(conf, settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    private void startServer() {
        run(command(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                dataDir.getParent().resolve("server.log").toString(), "-w", "-t", "60", "start"), dataDir.getParent());
        running = true;
    }

    /** Stops the server (fast shutdown: connections are cut), as in an outage. */
    public synchronized void stop() {
        if (running) {
            run(command(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"),
                    dataDir.getParent());
            running = false;
        }
    }

    /** Starts it again, on the same port, after {@link #stop()}. */
    public synchronized void restart() {
        if (!running) {
            startServer();
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // the JVM is going away
        }
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A JDBC URL of database {@code name}. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + USER;
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public String newDatabase() {
        String name = "bouncekit_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    @Override
    public void close() {
        try {
            stop();
            deleteQuietly(dataDir.getParent());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover directory under target/ or the temporary directory does no harm
        }
    }

    private static List<String> command(String... words) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(words));
        return command;
    }

    private static void run(List<String> command, Path directory) {
        run(command, directory, null);
    }

    private static void run(List<String> command, Path directory, String input) {
        try {
            Path output = Files.createTempFile("postgres-command", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (input != null) {
                    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
                }
                process.getOutputStream().close();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", command));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                            + "\n" + Files.readString(output, StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    @Override
    public String toString() {
        return "PostgresServer[127.0.0.1:" + port + ", " + dataDir + "]";
    }
}
