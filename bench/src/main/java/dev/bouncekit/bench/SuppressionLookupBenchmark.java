package dev.bouncekit.bench;

import com.codahale.metrics.MetricRegistry;
import dev.bouncekit.suppression.Suppression;
import dev.bouncekit.suppression.SuppressionStore;
import dev.bouncekit.suppression.SuppressionStores;
import dev.bouncekit.suppression.mailet.IsSuppressed;
import dev.bouncekit.suppression.testing.PostgresServer;
import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What {@code IsSuppressed} costs a mail with one recipient, against a list of
 * {@value #LIST_SIZE} suppressed addresses; every other mail is to a suppressed address. One
 * operation is one {@code match()}. {@code store}:
 * <ul>
 *   <li>{@code cached}: the journal store behind the cache (10 minutes), every address seen
 *       before: the cost on a warm James;</li>
 *   <li>{@code journal}: the journal store, no cache: an in-memory map behind a file check;</li>
 *   <li>{@code postgres}: PostgreSQL over loopback, no cache: one query per mail (the server is
 *       Debian's, started by {@link PostgresServer} in {@code target/}).</li>
 * </ul>
 * Reported as mails per second and as the latency added per mail.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SuppressionLookupBenchmark {

    /** Suppressed addresses in the store. */
    static final int LIST_SIZE = 10_000;
    private static final int MAILS = 1_024;

    @Param({"cached", "journal", "postgres"})
    public String store;

    private Path directory;
    private PostgresServer postgres;
    private IsSuppressed matcher;
    private Mail[] mails;
    private int next;

    /** Fills the store, starts the matcher, and warms its cache where it has one. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("bouncekit-bench-");
        String location;
        if (store.equals("postgres")) {
            postgres = PostgresServer.start(Path.of("target/postgres"));
            location = postgres.newDatabase();
        } else {
            location = directory.resolve("suppressions.journal").toString();
        }
        fill(location);
        String cache = store.equals("cached") ? "10m" : "0";
        matcher = new IsSuppressed(null, new DropWizardMetricFactory(new MetricRegistry()));
        matcher.init(FakeMatcherConfig.builder().matcherName("IsSuppressed")
                .condition("store=" + location + ";cache=" + cache).build());
        mails = new Mail[MAILS];
        for (int i = 0; i < MAILS; i++) {
            String recipient = i % 2 == 0 ? "user" + (i * 7 % LIST_SIZE) + "@example.com" : "friend" + i + "@example.net";
            mails[i] = FakeMail.builder().name("mail-" + i).sender("news@sender.test").recipient(recipient).build();
        }
        for (Mail mail : mails) {
            matcher.match(mail);
        }
    }

    private static void fill(String location) {
        List<Suppression> entries = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < LIST_SIZE; i++) {
            entries.add(Suppression.manual("user" + i + "@example.com", "userunknown", now, null));
        }
        try (SuppressionStore target = SuppressionStores.open(location)) {
            target.putAll(entries);
        }
    }

    /** One mail through the matcher. */
    @Benchmark
    public Collection<?> match() throws Exception {
        Mail mail = mails[next];
        next = next + 1 == MAILS ? 0 : next + 1;
        return matcher.match(mail);
    }

    /** Stops the matcher and the server, removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        matcher.destroy();
        if (postgres != null) {
            postgres.close();
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
