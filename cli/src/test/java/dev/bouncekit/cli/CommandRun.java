package dev.bouncekit.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of {@code bouncekit} in this JVM: its exit status and what it wrote to standard output and error. */
record CommandRun(int status, String out, String err) {

    /** Runs {@code bouncekit} with {@code args}, capturing both streams. */
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BouncekitCommand.commandLine();
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
