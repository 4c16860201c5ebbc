package dev.bouncekit.rules;

/** A rules file line that cannot be read; the message names the file, the line and what is accepted. */
public class RuleSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RuleSyntaxException(String message) {
        super(message);
    }
}
