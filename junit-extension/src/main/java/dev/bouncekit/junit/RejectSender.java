package dev.bouncekit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the receiver of {@link FakeReceiverExtension} refuse an envelope sender ({@code MAIL FROM})
 * with a catalog reply. Class-level and method-level annotations combine like
 * {@link RejectRecipient}'s.
 *
 * <pre>{@code
 * @RejectSender(value = "*@spammy.test", reply = "outlook/spamhaus-mailfrom")
 * }</pre>
 *
 * The reply is sent at the catalog entry's own stage, but never before {@code MAIL FROM}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(RejectSenders.class)
public @interface RejectSender {

    /** The sender, exactly or as a glob ({@code *@spammy.test}); {@code ""} is the null sender. */
    String value();

    /** The catalog id (or alias) of the reply, e.g. {@code generic/blocked-by-policy}. */
    String reply() default "generic/blocked-by-policy";

    /** How many times the rule answers before it lets mail through; 0 (the default) for always. */
    int times() default 0;
}
