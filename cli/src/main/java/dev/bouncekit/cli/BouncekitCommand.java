package dev.bouncekit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bouncekit} command line: the entry point of {@code bouncekit.jar}. */
@Command(name = "bouncekit", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Understand and test SMTP delivery failures.",
        subcommands = {ClassifyCommand.class, EvaluateCommand.class, CatalogCommand.class, ServeCommand.class, GateCommand.class, SuppressionsCommand.class,
                CommandLine.HelpCommand.class})
public final class BouncekitCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        CommandLine cli = commandLine();
        int status;
        try {
            status = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // what filled the heap was the command's own, and is garbage once it has unwound
            status = outOfMemory(cli, args);
        }
        System.exit(status);
    }

    /**
     * Reports a command that ran out of heap (a line of tens of megabytes to classify in a small
     * heap) as one line, not as the JVM's stack trace, and returns exit status 1.
     */
    static int outOfMemory(CommandLine cli, String[] args) {
        StringBuilder name = new StringBuilder(cli.getCommandName());
        for (String arg : args) {
            if (cli.getSubcommands().containsKey(arg)) {
                name.append(' ').append(arg);
                break;
            }
        }
        long maxMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        System.err.println(name + ": out of memory: the input is too large for the Java heap of " + maxMegabytes
                + " MB; give Java more (java -Xmx4g -jar bouncekit.jar ...), or split the input");
        System.err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /**
     * The configured command line, for embedding and tests: every error is reported in one line
     * ({@link OneLineErrors}), {@code bouncekit help COMMAND} shows a command's help.
     */
    public static CommandLine commandLine() {
        OneLineErrors errors = new OneLineErrors();
        return new CommandLine(new BouncekitCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }
}
