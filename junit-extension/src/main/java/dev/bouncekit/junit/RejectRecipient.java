package dev.bouncekit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the receiver of {@link FakeReceiverExtension} refuse a recipient with a catalog reply.
 * On a class it applies to every test (also in {@code @Nested} classes); on a method it adds to
 * the class-level rules for that test only, and is tried first.
 *
 * <pre>{@code
 * @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown")
 * @RejectRecipient(value = "*@full.example", reply = "generic/mailbox-full", times = 1)
 * }</pre>
 *
 * The reply is sent at the catalog entry's own stage, but never before {@code RCPT TO}, where the
 * recipient becomes known; replies of stage DATA are sent after the final dot.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(RejectRecipients.class)
public @interface RejectRecipient {

    /** The recipient, exactly or as a glob ({@code *@gmail.com}), case-insensitive. */
    String value();

    /** The catalog id (or alias) of the reply, e.g. {@code gmail/user-unknown}. */
    String reply() default "generic/user-unknown";

    /** How many times the rule answers before it lets mail through; 0 (the default) for always. */
    int times() default 0;
}
