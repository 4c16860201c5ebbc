package dev.bouncekit.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;

/**
 * How long JMH measures: forks, warm-up and measurement iterations of {@code seconds} each. The
 * defaults are short so that the whole report fits in a few minutes on two shared cores; every
 * run also records allocation ({@code -prof gc}).
 *
 * @param forks             JVM forks per benchmark
 * @param warmupIterations  warm-up iterations per fork
 * @param iterations        measured iterations per fork
 * @param seconds           length of one iteration
 * @param outputDirectory   where JMH's own log and JSON results go
 */
public record JmhSettings(int forks, int warmupIterations, int iterations, int seconds, Path outputDirectory) {

    public JmhSettings {
        if (forks < 1 || warmupIterations < 0 || iterations < 1 || seconds < 1) {
            throw new IllegalArgumentException("forks, iterations and seconds must be at least 1");
        }
    }

    /** The settings {@code bench/run.sh} uses. */
    public static JmhSettings quick(Path outputDirectory) {
        return new JmhSettings(1, 3, 5, 1, outputDirectory);
    }

    /** JMH options for benchmarks whose names match {@code includes}, logging to {@code name}.txt/.json. */
    ChainedOptionsBuilder options(String name, String... includes) {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .threads(1)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .output(outputDirectory.resolve(name + ".txt").toString())
                .result(outputDirectory.resolve(name + ".json").toString())
                .resultFormat(ResultFormatType.JSON);
        for (String include : includes) {
            builder.include(include);
        }
        return builder;
    }
}
