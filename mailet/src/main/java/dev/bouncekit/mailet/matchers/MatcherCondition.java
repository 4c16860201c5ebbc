package dev.bouncekit.mailet.matchers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The condition of a bounce matcher: a comma-separated list of values, optionally followed by
 * {@code ;prefix=P} for a {@code ClassifyBounce} configured with another attribute prefix, e.g.
 * {@code userunknown,hostunknown} or {@code suppress;prefix=acme.bounce.}.
 *
 * @param values the values, trimmed, none empty
 * @param prefix the attribute prefix, when given (at most once)
 */
record MatcherCondition(List<String> values, Optional<String> prefix) {

    private static final String PREFIX_OPTION = "prefix=";

    MatcherCondition {
        values = List.copyOf(values);
    }

    /**
     * Reads {@code condition} of matcher {@code matcherName}.
     *
     * @throws IllegalArgumentException naming the matcher and what is accepted
     */
    static MatcherCondition parse(String matcherName, String condition) {
        List<String> values = new ArrayList<>();
        String prefix = null;
        if (condition != null) {
            boolean first = true;
            for (String part : condition.split(";", -1)) {
                String text = part.trim();
                if (text.regionMatches(true, 0, PREFIX_OPTION, 0, PREFIX_OPTION.length())) {
                    String given = text.substring(PREFIX_OPTION.length()).trim();
                    if (prefix != null) {
                        throw new IllegalArgumentException(matcherName + ": the option prefix= is given more than once in"
                                + " condition '" + condition + "' (prefix=" + prefix + " and prefix=" + given
                                + "); give it once, the prefix of the ClassifyBounce whose verdict this matcher reads");
                    }
                    prefix = given;
                } else if (first) {
                    for (String value : text.split(",", -1)) {
                        if (!value.isBlank()) {
                            values.add(value.trim());
                        }
                    }
                } else if (!text.isEmpty()) {
                    throw new IllegalArgumentException(matcherName + ": unknown option '" + text
                            + "' in condition '" + condition + "'; the only option is ;prefix=<attribute prefix>");
                }
                first = false;
            }
        }
        return new MatcherCondition(values, Optional.ofNullable(prefix));
    }
}
