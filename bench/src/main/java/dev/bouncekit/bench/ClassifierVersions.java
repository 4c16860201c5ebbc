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
import java.lang.management.CompilationMXBean;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Builds of bouncekit-core side by side: each jar in a class loader of its own, in a JVM of its
 * own (so that no build's code shapes the JIT's view of another's), timed by the thread's CPU
 * time over the {@link ReplyMix} after a warm-up that lasts until the JIT has done compiling. The builds take turns, round after round, in an
 * order that turns each round; the figure to read is the median over the rounds of each build's
 * time against the first build's time in the same round. Each round also reports the fastest
 * quarter of its slices and a {@link MemoryProbe} read after every slice: on a machine shared with
 * other work a JVM's figure moves by up to 2.5× with the latency of memory while the code the JIT
 * made stays the same, and the probe tells a slow machine from a slow build.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.bouncekit.bench.ClassifierVersions \
 *     this=core/target/bouncekit-core-0.1.0-SNAPSHOT.jar main=/tmp/main-core.jar 0.1=/tmp/v01-core.jar
 * </pre>
 */
public final class ClassifierVersions {

    private static final int ROUNDS = 3;
    private static final int JVM_WARMUP_ROUNDS = 100;
    private static final int JVM_ROUNDS = 21;
    private static final int PASSES = 20;
    /**
     * Warm-up at least, then on until three seconds in a row pass without JIT compilation, at most
     * the maximum: on a loaded machine the compiler threads lag far behind (C2 code still replaced
     * C1 code after 25 s in one run), and code timed before it settles runs several times slower.
     */
    private static final double WARMUP_SECONDS = 20;
    private static final double MAX_WARMUP_SECONDS = 120;
    private static final int QUIET_SECONDS = 3;
    private static final double MEASURE_SECONDS = 4;
    /** Seconds of each kind (quiet, memory streamed by another thread) in {@code --contend}. */
    private static final int CONTENDED_SECONDS = 8;

    private ClassifierVersions() {
    }

    /**
     * Arguments: {@code name=path-to-core-jar}, two or more; the first is the reference. With
     * {@code --one-jvm} first, all builds run in this JVM instead, taking turns every
     * {@value #PASSES} passes over the mix: {@value #JVM_WARMUP_ROUNDS} rounds of warm-up at least, and on
     * until the JIT has compiled nothing for {@value #QUIET_SECONDS} s (at most {@value #MAX_WARMUP_SECONDS} s), then
     * {@value #JVM_ROUNDS} timed rounds, so that every build meets the same load at nearly the
     * same time. With {@code --one-jvm --scan}, the same but timing only the phrase scan: each
     * build's {@code PhraseIndex} over its rules', keywords' and provider markers' phrases, scanning
     * each text of the mix as the classifier does, host names and address local parts blanked first
     * ({@code withoutNames}, {@code scanWithoutNames}; the plain scan in builds without them). With {@code --one-jvm --providers}, the
     * same but timing only {@code ProviderDetector.detect} as the classifier calls it once the
     * markers are known: each reply's parsed text, its remote host (the context's, or the one the
     * reply reports) and the first marker it contains, all worked out before the timing. With {@code --one PATH} as the only
     * arguments, times that one build in this JVM and prints its CPU nanoseconds per reply (the
     * median slice), the fastest quarter's slowest slice and the memory probe's median, on one line.
     * With {@code --contend PATH}, times that one build the same way while a second thread of this
     * JVM streams through 64 MB every other second (a {@link MemoryHog}), and prints the figures of
     * the seconds with and without it: how much of a slow run the machine's memory can explain.
     */
    public static void main(String[] args) throws Throwable {
        if (args.length == 2 && args[0].equals("--contend")) {
            contended(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("--one")) {
            double[] figures = timeOne(Path.of(args[1]));
            System.out.println(figures[0] + " " + figures[1] + " " + figures[2]);
            return;
        }
        boolean oneJvm = args.length > 0 && args[0].equals("--one-jvm");
        if (oneJvm) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        boolean scanOnly = oneJvm && args.length > 0 && args[0].equals("--scan");
        boolean providersOnly = oneJvm && args.length > 0 && args[0].equals("--providers");
        if (scanOnly || providersOnly) {
            args = Arrays.copyOfRange(args, 1, args.length);
        }
        if (args.length < 2) {
            throw new IllegalArgumentException("give two or more builds as name=path/to/bouncekit-core.jar");
        }
        List<String> names = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0 || !Files.isRegularFile(Path.of(arg.substring(eq + 1)))) {
                throw new IllegalArgumentException("expected name=path/to/bouncekit-core.jar, got '" + arg + "'");
            }
            names.add(arg.substring(0, eq));
            jars.add(Path.of(arg.substring(eq + 1)).toAbsolutePath());
        }
        int n = names.size();
        if (oneJvm) {
            String what = scanOnly ? "the phrase scan only; " : providersOnly ? "provider detection only; " : "";
            report(names, interleaved(jars, scanOnly, providersOnly), what + JVM_ROUNDS
                    + " timed rounds of " + PASSES + " passes per build, all in one JVM, after " + JVM_WARMUP_ROUNDS
                    + " warm-up rounds or more (until the JIT is quiet for " + QUIET_SECONDS + " s)");
            return;
        }
        double[][] nanos = new double[n][ROUNDS];
        double[][] fastest = new double[n][ROUNDS];
        double[][] probes = new double[n][ROUNDS];
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < n; k++) {
                int b = (k + round) % n;
                // The child reads the mix this JVM was told to read (-Dbouncekit.bench.mix=dev).
                String mix = System.getProperty(ReplyMix.MIX_PROPERTY, "");
                Process child = new ProcessBuilder(javaCommand, "-D" + ReplyMix.MIX_PROPERTY + "=" + mix, "-cp", classPath,
                        ClassifierVersions.class.getName(), "--one", jars.get(b).toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (child.waitFor() != 0) {
                    throw new IllegalStateException("timing " + names.get(b) + " failed: " + out);
                }
                String[] figures = out.split(" ");
                nanos[b][round] = Double.parseDouble(figures[0]);
                fastest[b][round] = Double.parseDouble(figures[1]);
                probes[b][round] = Double.parseDouble(figures[2]);
                System.err.printf(Locale.ROOT, "round %d, %s: %.0f ns per reply (fastest quarter of slices %.0f; memory probe %.1f ns "
                        + "a load)%n", round + 1, names.get(b), nanos[b][round], fastest[b][round], probes[b][round]);
            }
        }
        report(names, nanos, String.format(Locale.ROOT, "%d rounds, one JVM per build and round (warm-up until the JIT is done, "
                + "%.0f s timed)", ROUNDS, MEASURE_SECONDS));
        System.out.println();
        System.out.println("| build | fastest quarter of slices, per round (ns per reply) | memory probe, per round (ns a load) |");
        System.out.println("|---|---|---|");
        for (int b = 0; b < n; b++) {
            StringBuilder quarters = new StringBuilder();
            StringBuilder loads = new StringBuilder();
            for (int r = 0; r < ROUNDS; r++) {
                quarters.append(r == 0 ? "" : " / ").append(Figures.decimal(fastest[b][r], 0));
                loads.append(r == 0 ? "" : " / ").append(Figures.decimal(probes[b][r], 1));
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", names.get(b), quarters, loads);
        }
    }

    private static void report(List<String> names, double[][] nanos, String how) {
        int rounds = nanos[0].length;
        System.out.printf(Locale.ROOT, "%d replies; %s%n", ReplyMix.load().size(), how);
        System.out.printf(Locale.ROOT, "| build | CPU ns per reply (median) | replies per CPU-second | vs %s (median of per-round ratios) |%n",
                names.get(0));
        System.out.println("|---|---|---|---|");
        for (int b = 0; b < names.size(); b++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = nanos[0][r] / nanos[b][r];
            }
            double median = median(nanos[b]);
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", names.get(b), Figures.decimal(median, 0),
                    Figures.count(1e9 / median), Figures.ratio(median(ratio)));
        }
    }

    /** CPU nanoseconds per reply of each build (rows) in each timed round (columns), all in this JVM. */
    private static double[][] interleaved(List<Path> jars, boolean scanOnly, boolean providersOnly) throws Throwable {
        ReplyMix mix = ReplyMix.load();
        String[] texts = mix.texts().toArray(new String[0]);
        List<Build> builds = new ArrayList<>();
        for (Path jar : jars) {
            builds.add(scanOnly ? new ScanOnly(jar) : providersOnly ? new ProvidersOnly(jar, mix) : new Build(jar, mix));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = builds.size();
        double[][] nanos = new double[n][JVM_ROUNDS];
        long sink = 0;
        // Warm-up rounds, then on until the JIT has been quiet for a while (at most the maximum):
        // on a loaded machine its threads lag far behind the first rounds.
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long warmStart = System.nanoTime();
        long quietSince = warmStart;
        long compiled = jit.getTotalCompilationTime();
        int warm = 0;
        while (true) {
            for (int k = 0; k < n; k++) {
                Build build = builds.get(Math.floorMod(k + warm, n));
                for (int pass = 0; pass < PASSES; pass++) {
                    for (int i = 0; i < texts.length; i++) {
                        sink += build.classify(texts[i], i);
                    }
                }
            }
            warm++;
            long now = System.nanoTime();
            long total = jit.getTotalCompilationTime();
            if (total != compiled) {
                compiled = total;
                quietSince = now;
            }
            if (now - warmStart >= MAX_WARMUP_SECONDS * 1e9
                    || warm >= JVM_WARMUP_ROUNDS && now - quietSince >= QUIET_SECONDS * 1e9) {
                break;
            }
        }
        for (int round = 0; round < JVM_ROUNDS; round++) {
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
                nanos[b][round] = (end - start) / (double) (PASSES * texts.length);
            }
        }
        if (sink == 42) {
            System.err.print("");
        }
        return nanos;
    }

    /**
     * CPU nanoseconds per reply of one build, after the warm-up: the median of quarter-second
     * slices, the slice at the first quarter (the fastest quarter's slowest), and the median of a
     * {@link MemoryProbe} read after each slice.
     */
    private static double[] timeOne(Path jar) throws Throwable {
        Warm warm = Warm.up(jar);
        MemoryProbe probe = new MemoryProbe();
        List<Double> slices = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        long end = System.nanoTime() + (long) (MEASURE_SECONDS * 1e9);
        while (System.nanoTime() < end) {
            slices.add(warm.slice());
            loads.add(probe.nanosPerLoad());
        }
        double[] sorted = slices.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {median(sorted), sorted[sorted.length / 4], median(loads.stream().mapToDouble(Double::doubleValue).toArray())};
    }

    /**
     * One build loaded in this JVM and warmed up on the reply mix, ready to be timed slice by slice;
     * {@code sink} holds the warm-up's results, so that the JIT cannot drop the work.
     */
    private record Warm(Build build, String[] texts, ThreadMXBean threads, long sink) {

        static Warm up(Path jar) throws Throwable {
            ReplyMix mix = ReplyMix.load();
            String[] texts = mix.texts().toArray(new String[0]);
            Build build = new Build(jar, mix);
            long sink = warmUp(build, texts);
            if (sink == 42) {
                System.err.print("");
            }
            return new Warm(build, texts, ManagementFactory.getThreadMXBean(), sink);
        }

        double slice() throws Throwable {
            return ClassifierVersions.slice(build, texts, threads);
        }
    }

    /** CPU nanoseconds per reply of a quarter-second slice of classifying the mix, over and over. */
    private static double slice(Build build, String[] texts, ThreadMXBean threads) throws Throwable {
        long start = threads.getCurrentThreadCpuTime();
        long sink = 0;
        int replies = 0;
        long sliceEnd = System.nanoTime() + 250_000_000L;
        while (System.nanoTime() < sliceEnd) {
            for (int i = 0; i < texts.length; i++) {
                sink += build.classify(texts[i], i);
            }
            replies += texts.length;
        }
        double nanos = (threads.getCurrentThreadCpuTime() - start) / (double) replies;
        if (sink == 42) {
            System.err.print("");
        }
        return nanos;
    }

    /** Classifies the mix until the JIT has compiled what it will: on a loaded machine its threads lag behind. */
    private static long warmUp(Build build, String[] texts) throws Throwable {
        long sink = 0;
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long warmStart = System.nanoTime();
        long compiled = -1;
        int quiet = 0;
        while (true) {
            long sliceEnd = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < sliceEnd) {
                for (int i = 0; i < texts.length; i++) {
                    sink += build.classify(texts[i], i);
                }
            }
            long now = jit.getTotalCompilationTime();
            double seconds = (System.nanoTime() - warmStart) / 1e9;
            quiet = now == compiled ? quiet + 1 : 0;
            if (seconds >= MAX_WARMUP_SECONDS || (seconds >= WARMUP_SECONDS && quiet >= QUIET_SECONDS)) {
                return sink;
            }
            compiled = now;
        }
    }

    /**
     * One build after the warm-up, in seconds taking turns: quiet, then with a {@link MemoryHog}
     * streaming on another thread; a quarter-second slice of classification and a probe after it,
     * four slices a second, {@value #CONTENDED_SECONDS} seconds of each kind.
     */
    private static void contended(Path jar) throws Throwable {
        Warm warm = Warm.up(jar);
        MemoryProbe probe = new MemoryProbe();
        List<List<Double>> slices = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> loads = List.of(new ArrayList<>(), new ArrayList<>());
        try (MemoryHog hog = new MemoryHog()) {
            for (int second = 0; second < 2 * CONTENDED_SECONDS; second++) {
                int kind = second % 2;
                hog.streaming(kind == 1);
                for (int slice = 0; slice < 4; slice++) {
                    slices.get(kind).add(warm.slice());
                    loads.get(kind).add(probe.nanosPerLoad());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d quarter-second slices of each kind, taking turns every second%n", jar.getFileName(),
                4 * CONTENDED_SECONDS);
        System.out.println("| another thread | CPU ns per reply (median slice) | fastest quarter of slices | memory probe (ns a load, median) |");
        System.out.println("|---|---|---|---|");
        String[] kinds = {"idle", "streaming through 64 MB"};
        for (int kind = 0; kind < 2; kind++) {
            double[] sorted = slices.get(kind).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", kinds[kind], Figures.decimal(median(sorted), 0),
                    Figures.decimal(sorted[sorted.length / 4], 0),
                    Figures.decimal(median(loads.get(kind).stream().mapToDouble(Double::doubleValue).toArray()), 1));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One core jar, its classifier and the mix's contexts built with its own classes. */
    private static class Build {
        final MethodHandle classify;
        final Object classifier;
        final Object[] contexts;

        Build() {
            classify = null;
            classifier = null;
            contexts = null;
        }

        Build(Path jar, ReplyMix mix) throws Throwable {
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

    /**
     * One core jar's phrase index over the built-in rules', keywords' and provider markers'
     * phrases (each once), as the classifier scans them, and a reused result.
     */
    private static final class ScanOnly extends Build {
        final MethodHandle scan;
        final Object index;
        final Object matches;

        @SuppressWarnings("unchecked")
        ScanOnly(Path jar) throws Throwable {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> ruleSet = loader.loadClass("dev.bouncekit.rules.RuleSet");
            Class<?> ruleMatcher = loader.loadClass("dev.bouncekit.rules.RuleMatcher");
            Class<?> detector = loader.loadClass("dev.bouncekit.provider.ProviderDetector");
            Class<?> indexType = loader.loadClass("dev.bouncekit.text.PhraseIndex");
            Class<?> matchesType = loader.loadClass("dev.bouncekit.text.PhraseIndex$Matches");
            MethodHandle compile = lookup.findVirtual(ruleSet, "compile", MethodType.methodType(ruleMatcher));
            MethodHandle phrases;
            try {
                phrases = lookup.findVirtual(ruleMatcher, "phrases", MethodType.methodType(List.class));
            } catch (NoSuchMethodException | LinkageError e) {
                throw new IllegalArgumentException(jar + " has no RuleMatcher.phrases(): --scan needs a build with one phrase automaton", e);
            }
            // each phrase once, kept-all-ends when any rule of it keeps them, as the classifier's ReplyIndex builds it
            Map<String, Boolean> all = new LinkedHashMap<>();
            MethodHandle keepsAllEnds = optionalVirtual(lookup, ruleMatcher, "keepsAllEnds",
                    MethodType.methodType(boolean.class, int.class));
            for (String set : new String[] {"builtIn", "builtInKeywords"}) {
                Object rules = lookup.findStatic(ruleSet, set, MethodType.methodType(ruleSet)).invoke();
                Object matcher = compile.invoke(rules);
                List<String> its = (List<String>) phrases.invoke(matcher);
                for (int p = 0; p < its.size(); p++) {
                    boolean keep = keepsAllEnds != null && (boolean) keepsAllEnds.invoke(matcher, p);
                    all.merge(its.get(p), keep, Boolean::logicalOr);
                }
            }
            Object providers = lookup.findStatic(detector, "builtIn", MethodType.methodType(detector)).invoke();
            for (String marker : (List<String>) lookup.findVirtual(detector, "textMarkers", MethodType.methodType(List.class))
                    .invoke(providers)) {
                all.putIfAbsent(marker, false);
            }
            List<String> list = new ArrayList<>(all.keySet());
            List<Boolean> keep = new ArrayList<>(all.values());
            // the path the classifier takes (host names and address local parts blanked first), where the
            // build has it; the plain scan otherwise
            MethodHandle withoutNames = optionalStatic(lookup, indexType, "withoutNames",
                    MethodType.methodType(indexType, List.class, IntPredicate.class));
            MethodHandle scanWithoutNames = optionalVirtual(lookup, indexType, "scanWithoutNames",
                    MethodType.methodType(matchesType, String.class, matchesType));
            if (withoutNames != null && scanWithoutNames != null) {
                index = withoutNames.invoke(list, (IntPredicate) keep::get);
                scan = scanWithoutNames.asType(MethodType.methodType(Object.class, Object.class, String.class, Object.class));
            } else {
                index = lookup.findConstructor(indexType, MethodType.methodType(void.class, List.class)).invoke(list);
                scan = lookup.findVirtual(indexType, "scan", MethodType.methodType(matchesType, CharSequence.class, matchesType))
                        .asType(MethodType.methodType(Object.class, Object.class, String.class, Object.class));
            }
            matches = lookup.findVirtual(indexType, "newMatches", MethodType.methodType(matchesType)).invoke(index);
        }

        private static MethodHandle optionalVirtual(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType methodType) {
            try {
                return lookup.findVirtual(type, name, methodType);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return null;
            }
        }

        private static MethodHandle optionalStatic(MethodHandles.Lookup lookup, Class<?> type, String name, MethodType methodType) {
            try {
                return lookup.findStatic(type, name, methodType);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return null;
            }
        }

        @Override
        int classify(String text, int i) throws Throwable {
            Object result = (Object) scan.invokeExact(index, text, matches);
            return result == null ? 0 : 1;
        }
    }

    /**
     * One core jar's provider detection after the scan, as {@code BounceClassifier} calls it: the
     * reply's text, the remote host and the first provider marker, found beforehand per reply.
     */
    private static final class ProvidersOnly extends Build {
        final MethodHandle detect;
        final Object detector;
        final String[] texts;
        final String[] hosts;
        final int[] firstMarkers;

        ProvidersOnly(Path jar, ReplyMix mix) throws Throwable {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> detectorType = loader.loadClass("dev.bouncekit.provider.ProviderDetector");
            Class<?> parser = loader.loadClass("dev.bouncekit.reply.ReplyParser");
            Class<?> replyType = loader.loadClass("dev.bouncekit.reply.SmtpReply");
            Class<?> indexType = loader.loadClass("dev.bouncekit.text.PhraseIndex");
            Class<?> matchesType = loader.loadClass("dev.bouncekit.text.PhraseIndex$Matches");
            detector = lookup.findStatic(detectorType, "builtIn", MethodType.methodType(detectorType)).invoke();
            detect = lookup.findVirtual(detectorType, "detect", MethodType.methodType(Optional.class, int.class,
                    String.class, String.class, String.class));
            Object markers = lookup.findConstructor(indexType, MethodType.methodType(void.class, List.class))
                    .invoke(lookup.findVirtual(detectorType, "textMarkers", MethodType.methodType(List.class)).invoke(detector));
            MethodHandle parse = lookup.findStatic(parser, "parse", MethodType.methodType(replyType, String.class));
            MethodHandle text = lookup.findVirtual(replyType, "text", MethodType.methodType(String.class));
            MethodHandle reportedHost = lookup.findVirtual(replyType, "reportedHost", MethodType.methodType(String.class));
            MethodHandle scan = lookup.findVirtual(indexType, "scan", MethodType.methodType(matchesType, CharSequence.class));
            MethodHandle count = lookup.findVirtual(matchesType, "count", MethodType.methodType(int.class));
            MethodHandle phrase = lookup.findVirtual(matchesType, "phrase", MethodType.methodType(int.class, int.class));
            int n = mix.size();
            texts = new String[n];
            hosts = new String[n];
            firstMarkers = new int[n];
            for (int i = 0; i < n; i++) {
                Object reply = parse.invoke(mix.texts().get(i));
                texts[i] = (String) text.invoke(reply);
                String own = mix.contexts().get(i).remoteHost();
                hosts[i] = own != null ? own : (String) reportedHost.invoke(reply);
                Object found = scan.invoke(markers, texts[i]);
                int first = -1;
                for (int m = 0, c = (int) count.invoke(found); m < c; m++) {
                    int p = (int) phrase.invoke(found, m);
                    first = first < 0 ? p : Math.min(first, p);
                }
                firstMarkers[i] = first;
            }
        }

        @Override
        int classify(String ignored, int i) throws Throwable {
            Optional<?> result = (Optional<?>) detect.invoke(detector, firstMarkers[i], texts[i], hosts[i], (String) null);
            return result.isPresent() ? 1 : 0;
        }
    }
}
