package dev.bouncekit.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** One run of {@code bouncekit} in this JVM: its exit status and what it wrote to standard output and error. */
record CommandRun(int status, String out, String err) {

    /** Runs {@code bouncekit} with {@code args}, capturing both streams. */
    static CommandRun of(String... args) {
        return of(null, args);
    }

    /**
     * Runs {@code bouncekit} with {@code args}, its commands that read the environment reading
     * {@code environment} only (the process environment when null), capturing both streams.
     */
    static CommandRun of(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BouncekitCommand.commandLine();
        if (environment != null) {
            for (CommandLine sub : cli.getSubcommands().values()) {
                if (sub.getCommandSpec().defaultValueProvider() instanceof EnvironmentDefaults) {
                    sub.setDefaultValueProvider(new EnvironmentDefaults(environment));
                }
            }
        }
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new CommandRun(status, out.toString(), err.toString());
    }

    /** Standard output's lines. */
    List<String> lines() {
        return out.lines().toList();
    }
}
