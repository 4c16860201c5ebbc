package dev.bouncekit.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * Reports whatever stops a command as one line on standard error, never a stack trace:
 * {@code bouncekit classify: cannot read in.txt: no such file}. Mistakes on the command line exit
 * with status 2 and point to the command's help; a {@link UserError} exits with 1, and so does
 * anything unexpected, described by its type and message.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        StringBuilder line = new StringBuilder(e.getMessage() == null ? "invalid command line" : firstLine(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        if (e.getArgSpec() != null && command.getDefaultValueProvider() instanceof EnvironmentDefaults env) {
            env.describe(e.getArgSpec()).ifPresent(source -> line.append(" (").append(source).append(')'));
        }
        line.append("; see 'bouncekit help").append(subcommandPath(command)).append('\'');
        print(command, line.toString());
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        if (e instanceof UserError) {
            print(command, e.getMessage());
        } else {
            print(command, "unexpected error: " + e + "; please report it with the command that caused it");
        }
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static void print(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + message);
        err.flush();
    }

    private static String subcommandPath(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName();
        int space = qualified.indexOf(' ');
        return space < 0 ? "" : qualified.substring(space);
    }

    private static String firstLine(String message) {
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end).strip();
    }
}
