package dev.bouncekit.cli;

import dev.bouncekit.receiver.gate.NearMisses;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

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
        StringBuilder line = new StringBuilder(e.getMessage() == null ? "invalid command line" : inWords(firstLine(e.getMessage())));
        String unknownCommand = unknownCommand(e);
        if (unknownCommand != null) {
            // "Unmatched argument at index 0: 'lst'" where a command was expected: say so
            line.setLength(0);
            line.append("unknown command '").append(unknownCommand).append('\'');
            // picocli suggests any command that shares letters (suppressions for nosuch): keep the near ones
            List<String> suggestions = ((UnmatchedArgumentException) e).getSuggestions().stream()
                    .filter(name -> NearMisses.distance(unknownCommand.toLowerCase(Locale.ROOT), name) <= Math.max(2, unknownCommand.length() / 3)).toList();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
            line.append("; the commands are ").append(String.join(", ", command.getSubcommands().keySet()));
        } else if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions)).append("?)");
            }
        }
        if (e.getArgSpec() != null && command.getDefaultValueProvider() instanceof EnvironmentDefaults env) {
            env.describe(e.getArgSpec()).ifPresent(source -> line.append(" (").append(source).append(')'));
        }
        if (line.charAt(line.length() - 1) == '.') {
            line.setLength(line.length() - 1); // picocli's "Unknown subcommand 'x'." before "; see ..."
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

    /**
     * picocli's "'abc' is not an int" in the user's words: a whole number, a number, true or false,
     * not the name of a Java type.
     */
    static String inWords(String message) {
        return message.replaceAll("' is not an? (int|long|short|byte)$", "' is not a whole number")
                .replaceAll("' is not an? (double|float)$", "' is not a number")
                .replaceAll("' is not a boolean$", "' is not true or false");
    }

    private static void print(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + oneLine(message));
        err.flush();
    }

    /**
     * {@code err} for a command that prints its own errors: each line printed with
     * {@code println(String)} goes through {@link #oneLine}.
     */
    static PrintWriter lines(PrintWriter err) {
        return new PrintWriter(err) {
            @Override
            public void println(String line) {
                super.println(oneLine(line));
            }
        };
    }

    /** The longest message printed whole; a longer one keeps its start and its end. */
    static final int MAX_MESSAGE = 1000;

    /**
     * {@code message} as one line a terminal shows as it is: a control character that a value
     * quoted in it brought along (a line break in an address, a byte of a binary file) is written
     * as an escape ({@code \n}, {@code \r}, {@code \t}, any other as a Unicode escape), and a message longer than
     * {@link #MAX_MESSAGE} characters (a value of megabytes quoted in it) keeps its first and last
     * characters, which say what is wrong and how to fix it, and says how many it left out.
     */
    static String oneLine(String message) {
        String text = message;
        if (text.length() > MAX_MESSAGE) {
            int keep = MAX_MESSAGE / 2;
            text = text.substring(0, keep) + "...(" + (text.length() - 2 * keep) + " characters left out)..."
                    + text.substring(text.length() - keep);
        }
        return escaped(text);
    }

    /**
     * {@code text} with each control character written as an escape ({@code \n}, {@code \r},
     * {@code \t}, any other as a Unicode escape), so that what a user or a client typed cannot
     * break a line or drive the terminal; text without any is returned as it is.
     */
    static String escaped(String text) {
        StringBuilder line = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL;
            if (control && line == null) {
                line = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (line == null) {
                continue;
            }
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (control) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line == null ? text : line.toString();
    }

    /**
     * The word given where a command of {@code bouncekit} or {@code bouncekit suppressions} goes
     * (neither takes other words), when it names none; else null.
     */
    private static String unknownCommand(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || e.getCommandLine().getSubcommands().isEmpty()) {
            return null;
        }
        List<String> words = unmatched.getUnmatched();
        return words.isEmpty() || words.get(0).startsWith("-") ? null : words.get(0);
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
