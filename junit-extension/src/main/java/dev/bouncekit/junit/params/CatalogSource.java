package dev.bouncekit.junit.params;

import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds catalog entries, the provider replies bouncekit knows, into a {@code @ParameterizedTest}:
 * each invocation gets the {@link dev.bouncekit.catalog.CatalogEntry} as its first argument and,
 * when the second parameter is a {@code String}, the entry's magic address
 * ({@link MagicAddresses}), which makes the fake receiver send that reply. Further parameters
 * ({@code FakeReceiver}, {@code TestInfo}, ...) are resolved as usual. Filters combine with AND;
 * an empty filter matches everything.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @CatalogSource(provider = "gmail", hard = Hard.TRUE)
 * void suppresses_every_gmail_hard_bounce(CatalogEntry entry, String magicAddress) { ... }
 *
 * @ParameterizedTest
 * @CatalogSource(failure = Failure.TEMPORARY, stage = SmtpStage.RCPT)
 * void retries_every_temporary_refusal(CatalogEntry entry, String magicAddress) { ... }
 * }</pre>
 *
 * A filter that matches no entry fails the test, naming the known values.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ArgumentsSource(CatalogArgumentsProvider.class)
public @interface CatalogSource {

    /** Catalog ids to use, e.g. {@code gmail/user-unknown}; empty for all. */
    String[] ids() default {};

    /** Provider ids, e.g. {@code gmail}, {@code outlook}; empty for all. */
    String[] provider() default {};

    /** Reasons the entries are expected to be classified as; empty for all. */
    Reason[] reason() default {};

    /** Stages at which the providers send the replies; empty for all. */
    SmtpStage[] stage() default {};

    /** Only hard bounces, only others, or both (the default). */
    Hard hard() default Hard.ANY;

    /** Only permanent (5xx) replies, only temporary (4xx) ones, or both (the default). */
    Failure failure() default Failure.ANY;

    /** The domain of the magic addresses. */
    String domain() default MagicAddresses.DEFAULT_DOMAIN;
}
