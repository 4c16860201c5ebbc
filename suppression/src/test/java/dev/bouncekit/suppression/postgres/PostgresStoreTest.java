package dev.bouncekit.suppression.postgres;

import dev.bouncekit.suppression.Bounce;
import dev.bouncekit.suppression.StoreUnavailableException;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionPolicy;
import dev.bouncekit.suppression.testing.PostgresExtension;
import dev.bouncekit.suppression.testing.PostgresServer;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PostgreSQL store on a real server: concurrency across nodes, schema, bad URLs, outages. */
@ExtendWith(PostgresExtension.class)
class PostgresStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final SuppressionPolicy policy = SuppressionPolicy.defaults();

    @Test
    void concurrent_writers_on_three_nodes_lose_nothing_and_count_nothing_twice(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        int nodes = 3;
        int threadsPerNode = 4;
        int bouncesPerThread = 50;
        List<PostgresStore> stores = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            stores.add(PostgresStore.open(url));
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes * threadsPerNode);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                PostgresStore store = stores.get(n);
                for (int t = 0; t < threadsPerNode; t++) {
                    int thread = n * threadsPerNode + t;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int b = 0; b < bouncesPerThread; b++) {
                            // one address all threads share, and one address per thread
                            store.record(new Bounce("shared@example.org", Reason.MAILBOXFULL, null, "4.2.2", T0.plusMillis(b)), policy);
                            store.record(new Bounce("own" + thread + "@example.org", Reason.MAILBOXFULL, null, null, T0.plusMillis(b)), policy);
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (PostgresStore reader = PostgresStore.open(url)) {
            Suppression shared = reader.find("shared@example.org").orElseThrow();
            assertThat(shared.count()).isEqualTo((long) nodes * threadsPerNode * bouncesPerThread);
            assertThat(shared.windowCount()).isEqualTo((long) nodes * threadsPerNode * bouncesPerThread);
            assertThat(shared.isActive(T0.plusSeconds(1))).isTrue();
            assertThat(reader.list("own", 100)).hasSize(nodes * threadsPerNode)
                    .allSatisfy(s -> assertThat(s.count()).isEqualTo(bouncesPerThread));
        } finally {
            stores.forEach(PostgresStore::close);
        }
    }

    @Test
    void nodes_opening_a_new_database_at_once_create_the_schema_once(PostgresServer server) throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 5; round++) {
                String url = server.newDatabase();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<PostgresStore>> opening = new ArrayList<>();
                for (int n = 0; n < nodes; n++) {
                    opening.add(pool.submit(() -> {
                        start.await();
                        return PostgresStore.open(url);
                    }));
                }
                start.countDown();
                List<PostgresStore> stores = new ArrayList<>();
                try {
                    for (Future<PostgresStore> store : opening) {
                        stores.add(store.get(60, TimeUnit.SECONDS));
                    }
                    stores.get(0).record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), policy);
                    assertThat(stores.get(nodes - 1).suppressed(List.of("ghost@gmail.com"), T0)).containsExactly("ghost@gmail.com");
                } finally {
                    stores.forEach(PostgresStore::close);
                }
                try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery(
                             "SELECT version, success FROM bouncekit_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                    List<String> applied = new ArrayList<>();
                    while (rows.next()) {
                        applied.add(rows.getString(1) + ":" + rows.getBoolean(2));
                    }
                    assertThat(applied).contains("1:true").doesNotHaveDuplicates();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_url_of_another_kind_is_refused_before_any_connection() {
        assertThatThrownBy(() -> PostgresStore.open("jdbc:mysql://127.0.0.1/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PostgreSQL JDBC URL: 'jdbc:mysql://127.0.0.1/x'");
        assertThatThrownBy(() -> PostgresStore.open("jdbc:postgresql://127.0.0.1:notaport/x?password=secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password=***").hasMessageNotContaining("secret");
    }

    @Test
    void an_unreachable_database_fails_the_open_with_where_and_why() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere?user=bouncekit&password=secret";
        assertThatThrownBy(() -> PostgresStore.open(url)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }

    @Test
    void an_outage_fails_calls_quickly_and_the_store_recovers_after_it(PostgresServer server) {
        String url = server.newDatabase();
        try (PostgresStore store = PostgresStore.open(url)) {
            store.record(new Bounce("ghost@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), policy);
            server.stop();
            try {
                long started = System.nanoTime();
                assertThatThrownBy(() -> store.suppressed(List.of("ghost@gmail.com"), T0))
                        .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("cannot look up");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            } finally {
                server.restart();
            }
            assertThat(store.suppressed(List.of("ghost@gmail.com"), T0)).containsExactly("ghost@gmail.com");
        }
    }

    @Test
    void a_restart_between_two_calls_fails_none_of_them(PostgresServer server) throws Exception {
        String url = server.newDatabase();
        try (PostgresStore store = PostgresStore.open(url)) {
            // several connections kept idle, as a busy James keeps them
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch together = new CountDownLatch(4);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    int n = i;
                    calls.add(pool.submit(() -> {
                        together.countDown();
                        together.await();
                        store.record(new Bounce("ghost" + n + "@gmail.com", Reason.USERUNKNOWN, "gmail", "5.1.1", T0), policy);
                        return null;
                    }));
                }
                for (Future<?> call : calls) {
                    call.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            server.stop();
            server.restart();
            // the database is back before anything asks it: no call may fail on a connection the restart cut
            for (int i = 0; i < 4; i++) {
                assertThat(store.suppressed(List.of("ghost" + i + "@gmail.com"), T0)).containsExactly("ghost" + i + "@gmail.com");
            }
            store.record(new Bounce("full@gmail.com", Reason.MAILBOXFULL, "gmail", "4.2.2", T0), policy);
            assertThat(store.find("full@gmail.com")).get().extracting(Suppression::count).isEqualTo(1L);
        }
    }
}
