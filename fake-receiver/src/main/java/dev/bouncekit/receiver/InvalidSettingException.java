package dev.bouncekit.receiver;

/**
 * A setting the receiver's builders refuse, in parts: the setting's name, the rule its value
 * breaks and the value as it was given, worded {@code NAME must RULE, not VALUE}
 * ({@code maxRecipients must be between 1 and 1000000, not 0}). A command line that takes the
 * setting as an option words the same refusal with the option's name and the text typed
 * ({@link #reworded}).
 */
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The setting as the builder names it: {@code maxRecipients}, {@code max messages}. */
    private final String setting;
    /** What the value must be: {@code be between 1 and 1000000}. */
    private final String rule;
    /** The value as it was given, unquoted. */
    private final String value;
    /** Whether the value is shown in single quotes, as a text is. */
    private final boolean quoted;

    /**
     * @param setting the setting's name
     * @param rule    what its value must be, after "must"
     * @param value   the value as given
     * @param quoted  whether the value is shown in single quotes (a text, such as a host name)
     */
    public InvalidSettingException(String setting, String rule, String value, boolean quoted) {
        super(worded(setting, rule, value, quoted));
        this.setting = setting;
        this.rule = rule;
        this.value = value;
        this.quoted = quoted;
    }

    /** The setting's name: {@code maxRecipients}, {@code max messages}. */
    public String setting() {
        return setting;
    }

    /** What the value must be: {@code be between 1 and 1000000}. */
    public String rule() {
        return rule;
    }

    /** The value as it was given, without quotes. */
    public String value() {
        return value;
    }

    /**
     * The same refusal under another name and with the value in other words, quoted as this one
     * is: {@code --max-recipients must be between 1 and 1000000, not 0}.
     */
    public String reworded(String name, String valueText) {
        return worded(name, rule, valueText, quoted);
    }

    private static String worded(String setting, String rule, String value, boolean quoted) {
        return setting + " must " + rule + ", not " + (quoted ? "'" + value + "'" : value);
    }
}
