package dev.bouncekit.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds of bouncekit-core side by side: each jar in a class loader of its own, all timed in
 * interleaved rounds on one thread by the thread's CPU time, over the {@link ReplyMix}. The order
 * of the builds turns round by round, so that none always runs after the same one; the figure to
 * read is the median over the rounds of each build's time against the first build's time in the
 * same round.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.bouncekit.bench.ClassifierVersions \
 *     this=core/target/bouncekit-core-0.1.0-SNAPSHOT.jar main=/tmp/main-core.jar 0.1=/tmp/v01-core.jar
 * </pre>
 */
public final class ClassifierVersions {

    private static final int WARMUP_ROUNDS = 15;
    private static final int ROUNDS = 21;
    private static final int PASSES = 20;

    private ClassifierVersions() {
    }

    /** Arguments: {@code name=path-to-core-jar}, two or more; the first is the reference. */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("give two or more builds as name=path/to/bouncekit-core.jar");
        }
        ReplyMix mix = ReplyMix.load();
        String[] texts = mix.texts().toArray(new String[0]);
        List<Build> builds = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || !Files.isRegularFile(Path.of(arg.substring(eq + 1)))) {
                throw new IllegalArgumentException("expected name=path/to/bouncekit-core.jar, got '" + arg + "'");
            }
            builds.add(new Build(arg.substring(0, eq), Path.of(arg.substring(eq + 1)), mix));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = builds.size();
        double[][] nanos = new double[n][ROUNDS];
        long sink = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            for (int k = 0; k < n; k++) {
                int b = Math.floorMod(k + round, n);
                Build build = builds.get(b);
                long start = threads.getCurrentThreadCpuTime();
                for (int pass = 0; pass < PASSES; pass++) {
                    for (int i = 0; i < texts.length; i++) {
                        sink += build.classify(texts[i], i);
                    }
                }
                long end = threads.getCurrentThreadCpuTime();
                if (round >= 0) {
                    nanos[b][round] = (end - start) / (double) (PASSES * texts.length);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d replies, %d rounds of %d passes per build after %d warm-up rounds; sink %d%n",
                texts.length, ROUNDS, PASSES, WARMUP_ROUNDS, sink % 10);
        System.out.printf(Locale.ROOT, "| build | CPU ns per reply (median) | replies per CPU-second | vs %s (median of per-round ratios) |%n",
                builds.get(0).name);
        System.out.println("|---|---|---|---|");
        for (int b = 0; b < n; b++) {
            double[] ratio = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                ratio[r] = nanos[0][r] / nanos[b][r];
            }
            double median = median(nanos[b]);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", builds.get(b).name, Figures.decimal(median, 0),
                    Figures.count(1e9 / median), Figures.ratio(median(ratio)));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One core jar, its classifier and the mix's contexts built with its own classes. */
    private static final class Build {
        final String name;
        final MethodHandle classify;
        final Object classifier;
        final Object[] contexts;

        Build(String name, Path jar, ReplyMix mix) throws Throwable {
            this.name = name;
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> classifierType = loader.loadClass("dev.bouncekit.classify.BounceClassifier");
            Class<?> contextType = loader.loadClass("dev.bouncekit.classify.DeliveryContext");
            Class<?> stageType = loader.loadClass("dev.bouncekit.reply.SmtpStage");
            classifier = lookup.findStatic(classifierType, "builtIn", MethodType.methodType(classifierType)).invoke();
            classify = lookup.findVirtual(classifierType, "classify",
                            MethodType.methodType(loader.loadClass("dev.bouncekit.classify.Classification"), String.class, contextType))
                    .asType(MethodType.methodType(Object.class, Object.class, String.class, Object.class));
            MethodHandle none = lookup.findStatic(contextType, "none", MethodType.methodType(contextType));
            MethodHandle withStage = lookup.findVirtual(contextType, "withStage", MethodType.methodType(contextType, stageType));
            MethodHandle withHost = lookup.findVirtual(contextType, "withRemoteHost", MethodType.methodType(contextType, String.class));
            MethodHandle stageOf = lookup.findStatic(stageType, "valueOf", MethodType.methodType(stageType, String.class));
            contexts = new Object[mix.size()];
            for (int i = 0; i < mix.size(); i++) {
                var own = mix.contexts().get(i);
                Object context = none.invoke();
                if (own.remoteHost() != null) {
                    context = withHost.invoke(context, own.remoteHost());
                }
                if (own.stage() != null) {
                    context = withStage.invoke(context, stageOf.invoke(own.stage().name()));
                }
                contexts[i] = context;
            }
        }

        int classify(String text, int i) throws Throwable {
            Object result = (Object) classify.invokeExact(classifier, text, contexts[i]);
            return result == null ? 0 : 1;
        }
    }
}
