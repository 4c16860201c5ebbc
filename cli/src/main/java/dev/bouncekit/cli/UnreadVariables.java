package dev.bouncekit.cli;

import dev.bouncekit.receiver.gate.NearMisses;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Warns of {@code BOUNCEKIT_} variables that no bouncekit command reads: a misspelt one
 * ({@code BOUNCEKIT_SMTP_PROT}) would otherwise leave its option at the default without a word.
 * A variable another command reads ({@code BOUNCEKIT_URL} of {@code gate} while {@code serve} runs)
 * is not warned of, as one environment often serves both.
 */
final class UnreadVariables {

    private static final String PREFIX = "BOUNCEKIT_";
    /** The most edits between a misspelt variable and the one it is taken to mean. */
    private static final int MAX_EDITS = 2;

    private UnreadVariables() {
    }

    /** Prints one warning line to {@code err} for each such variable of the command's environment. */
    static void warn(CommandSpec command, PrintWriter err) {
        if (command.defaultValueProvider() instanceof EnvironmentDefaults env) {
            String name = "bouncekit " + command.name();
            for (String warning : warnings(env.variables(), readVariables(command))) {
                err.println(name + ": warning: " + warning);
            }
            err.flush();
        }
    }

    /** What to say of each {@code BOUNCEKIT_} variable of {@code environment} not in {@code read}, by name. */
    static List<String> warnings(Set<String> environment, Set<String> read) {
        List<String> out = new ArrayList<>();
        for (String variable : new TreeSet<>(environment)) {
            if (!variable.startsWith(PREFIX) || read.contains(variable)) {
                continue;
            }
            List<String> meant = closest(variable, read);
            out.add(variable + " is read by no bouncekit command; ignored"
                    + (meant.isEmpty() ? "" : " (did you mean " + String.join(" or ", meant) + "?)"));
        }
        return out;
    }

    /** The variables of every bouncekit command that takes its defaults from the environment, and of {@code command}. */
    private static Set<String> readVariables(CommandSpec command) {
        Set<String> read = new TreeSet<>();
        List<CommandSpec> commands = new ArrayList<>(List.of(command));
        for (CommandLine sub : BouncekitCommand.commandLine().getSubcommands().values()) {
            if (sub.getCommandSpec().defaultValueProvider() instanceof EnvironmentDefaults) {
                commands.add(sub.getCommandSpec());
            }
        }
        for (CommandSpec spec : commands) {
            for (OptionSpec option : spec.options()) {
                if (!option.usageHelp() && !option.versionHelp()) {
                    read.add(EnvironmentDefaults.variable(option));
                }
            }
        }
        return read;
    }

    /** The variables of {@code read} fewest edits from {@code variable}, at most {@link #MAX_EDITS}. */
    private static List<String> closest(String variable, Set<String> read) {
        List<String> best = new ArrayList<>();
        int fewest = MAX_EDITS + 1;
        for (String candidate : read) {
            int edits = NearMisses.distance(variable, candidate);
            if (edits < fewest) {
                best.clear();
                fewest = edits;
            }
            if (edits == fewest) {
                best.add(candidate);
            }
        }
        return best;
    }
}
