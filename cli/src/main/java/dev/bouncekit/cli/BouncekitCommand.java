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
        System.exit(commandLine().execute(args));
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
