package dev.bouncekit.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Option values from the environment, as container users expect: {@code --smtp-port} from
 * {@code BOUNCEKIT_SMTP_PORT}, {@code --quiet} from {@code BOUNCEKIT_QUIET}, and so on (the option's
 * name in capitals, {@code -} written {@code _}, after {@code BOUNCEKIT_}). A value on the command
 * line wins; a variable that is unset or empty leaves the built-in default. Flags take
 * {@code true}/{@code false}, also {@code 1}/{@code 0}, {@code yes}/{@code no}, {@code on}/{@code off}.
 * A {@code BOUNCEKIT_} variable no command reads is warned of ({@link UnreadVariables}).
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private static final Set<String> TRUE = Set.of("1", "yes", "on", "true");
    private static final Set<String> FALSE = Set.of("0", "no", "off", "false");

    private final Map<String, String> environment;

    /** Reads the process environment; the constructor picocli calls for the annotation. */
    EnvironmentDefaults() {
        this(System.getenv());
    }

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The names of the variables in this environment. */
    Set<String> variables() {
        return environment.keySet();
    }

    /** The variable that sets {@code option}: {@code BOUNCEKIT_SMTP_PORT} for {@code --smtp-port}. */
    static String variable(OptionSpec option) {
        return "BOUNCEKIT_" + option.longestName().replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = environment.get(variable(option));
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (option.type() == boolean.class || option.type() == Boolean.class) {
            String lower = trimmed.toLowerCase(Locale.ROOT);
            return TRUE.contains(lower) ? "true" : FALSE.contains(lower) ? "false" : trimmed;
        }
        return trimmed;
    }

    /** Where an option's value came from when its variable is set: {@code BOUNCEKIT_SMTP_PORT=abc}. */
    Optional<String> describe(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || defaultValue(arg) == null) {
            return Optional.empty();
        }
        return Optional.of("environment: " + variable(option) + "=" + environment.get(variable(option)));
    }
}
