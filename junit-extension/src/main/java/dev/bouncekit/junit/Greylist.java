package dev.bouncekit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the receiver of {@link FakeReceiverExtension} greylist recipients: the first
 * {@link #times()} {@code RCPT TO}s that match are answered with a temporary 4xx reply, later
 * ones are accepted. Class-level and method-level annotations combine like
 * {@link RejectRecipient}'s.
 *
 * <pre>{@code
 * @Greylist(recipient = "*@example.org", times = 2)
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(Greylists.class)
public @interface Greylist {

    /** The recipients greylisted, exactly or as a glob; every recipient by default. */
    String recipient() default "*";

    /** How many {@code RCPT TO}s are answered with the reply before mail is accepted (at least 1). */
    int times() default 1;

    /** The catalog id (or alias) of the temporary reply. */
    String reply() default "generic/greylisted";
}
