package dev.bouncekit.suppression.postgres;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.EmailAddress;
import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.suppression.SuppressionStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The store for a James cluster: one table, {@code bouncekit_suppression}, in a PostgreSQL database
 * that every node (and the CLI) opens by the same JDBC URL. {@link #open(String)} creates or migrates
 * the schema with Flyway (history table {@code bouncekit_schema_history}), under a PostgreSQL advisory
 * lock so that several nodes may start at once on a new database.
 *
 * <p>{@link #record} runs in one transaction: {@code INSERT ... ON CONFLICT DO NOTHING} stores the
 * first bounce of an address; when the row exists, {@code SELECT ... FOR UPDATE} locks it, the policy
 * computes the next state and an {@code UPDATE} writes it. Writers on several nodes queue on the row
 * lock: no bounce is lost and none counted twice, and the policy lives in one place for both stores.
 *
 * <p>Connections: a few kept idle for reuse, each opened with a connect and a socket timeout, so an
 * outage makes a call fail with {@link StoreUnavailableException} within seconds instead of hanging.
 * A call that finds its idle connection cut by the server (a restart, a failover, an idle timeout)
 * before its work reached the database drops the idle connections and runs once more on a new one.
 */
public final class PostgresStore implements SuppressionStore {

    /** Seconds to wait for a connection, and for an answer, before the call fails. */
    static final int TIMEOUT_SECONDS = 5;
    private static final int MAX_IDLE = 4;
    /** The PostgreSQL advisory lock held while the schema is migrated. */
    private static final long MIGRATION_LOCK = 0x626f756e63656bL;
    private static final String COLUMNS = "address, reason, provider, status, first_seen, last_seen, bounce_count, "
            + "window_start, window_count, suppressed_at, expires_at";
    private static final String UPSERT = "INSERT INTO bouncekit_suppression (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (address) DO UPDATE SET reason = EXCLUDED.reason, "
            + "provider = EXCLUDED.provider, status = EXCLUDED.status, first_seen = EXCLUDED.first_seen, "
            + "last_seen = EXCLUDED.last_seen, bounce_count = EXCLUDED.bounce_count, window_start = EXCLUDED.window_start, "
            + "window_count = EXCLUDED.window_count, suppressed_at = EXCLUDED.suppressed_at, expires_at = EXCLUDED.expires_at";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private final PGSimpleDataSource dataSource;
    private final String location;
    private final List<Connection> idle = new ArrayList<>();
    private boolean closed;

    private PostgresStore(PGSimpleDataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.location = location;
    }

    /**
     * Connects to {@code jdbcUrl} ({@code jdbc:postgresql://host:port/database?user=...&password=...})
     * and creates or migrates the schema.
     *
     * @throws IllegalArgumentException   when the URL is not a PostgreSQL JDBC URL
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static PostgresStore open(String jdbcUrl) {
        String location = jdbcUrl == null ? "null" : PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:") || Driver.parseURL(jdbcUrl, new Properties()) == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: '" + location
                    + "'; expected jdbc:postgresql://HOST[:PORT]/DATABASE[?user=...&password=...]");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setConnectTimeout(TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(TIMEOUT_SECONDS);
        dataSource.setSocketTimeout(TIMEOUT_SECONDS * 2);
        dataSource.setApplicationName("bouncekit-suppression");
        PostgresStore store = new PostgresStore(dataSource, location);
        store.migrate();
        return store;
    }

    private void migrate() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Flyway locks its history table once it exists; this lock also covers creating it, when
            // several nodes start on a new database at once.
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                Flyway.configure(PostgresStore.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations("classpath:dev/bouncekit/suppression/postgres/migration")
                        .table("bouncekit_schema_history")
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (FlywayException | SQLException e) {
            throw new StoreUnavailableException("cannot create or migrate the suppression schema in " + location + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try {
            return inTransaction(what, work, true);
        } catch (StaleConnectionException e) {
            // the server cut the connections kept idle (a restart, a failover, an idle timeout):
            // none of them is of use any more, and the work never reached the database
            discardIdle();
            return inTransaction(what, work, false);
        }
    }

    private <T> T inTransaction(String what, Work<T> work, boolean reuse) {
        Connection connection = null;
        boolean reused = false;
        boolean committing = false;
        try {
            synchronized (idle) {
                if (reuse && !closed && !idle.isEmpty()) {
                    connection = idle.remove(idle.size() - 1);
                    reused = true;
                }
            }
            if (connection == null) {
                connection = borrow();
            }
            connection.setAutoCommit(false);
            T result = work.run(connection);
            committing = true;
            connection.commit();
            giveBack(connection);
            return result;
        } catch (SQLException e) {
            discard(connection);
            if (reused && !committing && isConnectionLost(e)) {
                throw new StaleConnectionException();
            }
            throw new StoreUnavailableException("cannot " + what + " in " + location + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard(connection);
            throw e;
        }
    }

    /** A connection kept idle turned out to be cut before the work reached the database. */
    private static final class StaleConnectionException extends RuntimeException {
        StaleConnectionException() {
            super(null, null, false, false);
        }
    }

    /**
     * Whether the connection itself is gone (SQLSTATE class 08, connection exception, or 57P,
     * the server shutting down or restarting), rather than the statement refused.
     */
    private static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private void discardIdle() {
        List<Connection> stale;
        synchronized (idle) {
            stale = new ArrayList<>(idle);
            idle.clear();
        }
        stale.forEach(PostgresStore::discard);
    }

    private Connection borrow() throws SQLException {
        synchronized (idle) {
            if (closed) {
                throw new SQLException("the store is closed");
            }
        }
        return dataSource.getConnection();
    }

    private void giveBack(Connection connection) throws SQLException {
        synchronized (idle) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.add(connection);
                return;
            }
        }
        connection.close();
    }

    private static void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // the connection is going away
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // nothing more to do
        }
    }

    @Override
    public Optional<Suppression> record(Bounce bounce, SuppressionPolicy policy) {
        if (!policy.counts(bounce.reason())) {
            return Optional.empty();
        }
        return inTransaction("record a bounce of " + bounce.address(), connection -> {
            Optional<Suppression> fresh = policy.next(null, bounce);
            if (fresh.isEmpty()) {
                return fresh;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bouncekit_suppression (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (address) DO NOTHING")) {
                bind(insert, fresh.get());
                if (insert.executeUpdate() == 1) {
                    return fresh;
                }
            }
            Suppression existing;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM bouncekit_suppression WHERE address = ? FOR UPDATE")) {
                select.setString(1, bounce.address());
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new SQLException("the row of " + bounce.address() + " vanished while it was being updated");
                    }
                    existing = read(rows);
                }
            }
            Optional<Suppression> next = policy.next(existing, bounce);
            if (next.isPresent()) {
                update(connection, next.get());
            }
            return next;
        });
    }

    private static void update(Connection connection, Suppression s) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE bouncekit_suppression SET reason = ?, provider = ?, "
                + "status = ?, first_seen = ?, last_seen = ?, bounce_count = ?, window_start = ?, window_count = ?, "
                + "suppressed_at = ?, expires_at = ? WHERE address = ?")) {
            update.setString(1, s.reason());
            update.setString(2, s.provider());
            update.setString(3, s.status());
            update.setTimestamp(4, timestamp(s.firstSeen()));
            update.setTimestamp(5, timestamp(s.lastSeen()));
            update.setLong(6, s.count());
            update.setTimestamp(7, timestamp(s.windowStart()));
            update.setLong(8, s.windowCount());
            update.setTimestamp(9, timestamp(s.suppressedAt()));
            update.setTimestamp(10, timestamp(s.expiresAt()));
            update.setString(11, s.address());
            update.executeUpdate();
        }
    }

    @Override
    public Set<String> suppressed(Collection<String> addresses, Instant now) {
        Set<String> keys = new LinkedHashSet<>();
        addresses.forEach(address -> keys.add(EmailAddress.normalize(address)));
        if (keys.isEmpty()) {
            return Set.of();
        }
        return inTransaction("look up " + keys.size() + " address(es)", connection -> {
            Set<String> suppressed = new TreeSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT address FROM bouncekit_suppression "
                    + "WHERE address = ANY (?) AND suppressed_at IS NOT NULL AND (expires_at IS NULL OR expires_at > ?)")) {
                select.setArray(1, connection.createArrayOf("text", keys.toArray()));
                select.setTimestamp(2, timestamp(now));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        suppressed.add(rows.getString(1));
                    }
                }
            }
            return suppressed;
        });
    }

    @Override
    public Optional<Suppression> find(String address) {
        String key = EmailAddress.normalize(address);
        return inTransaction("find " + key, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM bouncekit_suppression WHERE address = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<Suppression>empty();
                }
            }
        });
    }

    @Override
    public List<Suppression> list(String contains, int limit) {
        String needle = contains == null ? "" : contains.trim().toLowerCase(Locale.ROOT);
        return inTransaction("list suppressions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM bouncekit_suppression WHERE strpos(address, ?) > 0 ORDER BY address LIMIT ?")) {
                select.setString(1, needle);
                select.setInt(2, Math.max(0, limit));
                List<Suppression> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(read(rows));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public void put(Suppression suppression) {
        putAll(List.of(suppression));
    }

    @Override
    public void putAll(Collection<Suppression> suppressions) {
        if (suppressions.isEmpty()) {
            return;
        }
        inTransaction("add " + suppressions.size() + " entries", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (Suppression suppression : suppressions) {
                    bind(upsert, suppression);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean remove(String address) {
        String key = EmailAddress.normalize(address);
        return inTransaction("remove " + key, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM bouncekit_suppression WHERE address = ?")) {
                delete.setString(1, key);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void close() {
        List<Connection> toClose;
        synchronized (idle) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(PostgresStore::discard);
    }

    private static void bind(PreparedStatement statement, Suppression s) throws SQLException {
        statement.setString(1, s.address());
        statement.setString(2, s.reason());
        statement.setString(3, s.provider());
        statement.setString(4, s.status());
        statement.setTimestamp(5, timestamp(s.firstSeen()));
        statement.setTimestamp(6, timestamp(s.lastSeen()));
        statement.setLong(7, s.count());
        statement.setTimestamp(8, timestamp(s.windowStart()));
        statement.setLong(9, s.windowCount());
        statement.setTimestamp(10, timestamp(s.suppressedAt()));
        statement.setTimestamp(11, timestamp(s.expiresAt()));
    }

    private static Suppression read(ResultSet rows) throws SQLException {
        return new Suppression(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                instant(rows.getTimestamp(5)), instant(rows.getTimestamp(6)), rows.getLong(7),
                instant(rows.getTimestamp(8)), rows.getLong(9), instant(rows.getTimestamp(10)), instant(rows.getTimestamp(11)));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Override
    public String toString() {
        return "PostgresStore[" + location + "]";
    }
}
