package dev.bouncekit.spring.test;

import dev.bouncekit.junit.Greylist;
import dev.bouncekit.junit.RejectRecipient;
import dev.bouncekit.junit.RejectSender;
import dev.bouncekit.spring.test.internal.TranscriptReportEntry;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring Boot test's mail at a fake receiver: one {@code FakeReceiver} per application
 * context, started before the context and stopped when it closes, with {@code spring.mail.host} and
 * {@code spring.mail.port} set to it, TLS turned off (the receiver speaks plain SMTP), short mail timeouts, and
 * the receiver as an injectable bean.
 * Before each test the receiver forgets the previous test's mail, transcript and rules, and takes
 * the rules of this annotation and of the test's {@link RejectRecipient}, {@link RejectSender},
 * {@link Greylist} and {@code @Scenario} annotations.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFakeReceiver(rejectRecipient = @RejectRecipient(value = "ghost@gmail.com", reply = "gmail/user-unknown"))
 * class OrderMailTest {
 *     @Autowired FakeReceiver receiver;
 *     ...
 * }
 * }</pre>
 *
 * <p>It also imports Spring Boot's mail auto-configuration, so that test slices and
 * {@code @SpringJUnitConfig} contexts get a {@code JavaMailSender} too, and, on JUnit Jupiter,
 * publishes a failed test's SMTP transcript as the report entry {@code bouncekit.transcript}.
 *
 * <p>Only {@link #smtpPort()} decides which application context a test gets: test classes that
 * differ only in their rules share one cached context and its receiver.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ImportAutoConfiguration
@ExtendWith(TranscriptReportEntry.class)
public @interface AutoConfigureFakeReceiver {

    /** The name of the receiver's bean. */
    String BEAN_NAME = "bouncekitFakeReceiver";

    /** Recipients refused with a catalog reply, for every test of the class. */
    RejectRecipient[] rejectRecipient() default {};

    /** Senders refused with a catalog reply, for every test of the class. */
    RejectSender[] rejectSender() default {};

    /** Recipients greylisted, for every test of the class. */
    Greylist[] greylist() default {};

    /**
     * A scenario file whose rules apply to every test of the class: {@code classpath:NAME} or the
     * path of a file. Needs {@code dev.bouncekit:bouncekit-server} on the test class path.
     */
    String scenario() default "";

    /** Whether catalog replies answer to their magic addresses, e.g. {@code gmail.user-unknown@bouncekit.test}. */
    boolean magicAddresses() default true;

    /**
     * A fixed SMTP port instead of a free one (0, the default). Contexts with different ports are
     * cached separately; two cached contexts cannot have the same fixed port.
     */
    int smtpPort() default 0;
}
