package dev.bouncekit.receiver;

/**
 * A {@link ReplyRule} that cannot work, with the field at fault ({@code at}, {@code when},
 * {@code reply}, {@code delay}, {@code times}, {@code name}) so that scenario files can say where.
 */
public final class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /** A rule whose {@code field} is wrong, as explained by {@code problem}. */
    public InvalidRuleException(String field, String problem) {
        super("field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The scenario field at fault: {@code at}, {@code when}, {@code reply}, {@code delay}, {@code times}, {@code name}. */
    public String field() {
        return field;
    }

    /** What is wrong and what is accepted, without the field name. */
    public String problem() {
        return problem;
    }
}
