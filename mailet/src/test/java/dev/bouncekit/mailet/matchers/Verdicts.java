package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.Bounces;
import dev.bouncekit.mailet.ClassifyBounce;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;

import java.util.Collection;
import java.util.List;

/** Bounces classified by the real {@link ClassifyBounce}, and matchers configured like James does. */
final class Verdicts {

    static final String MAILBOX_FULL = "552 5.2.2 <carol@example.com>: Recipient address rejected: mailbox full";
    static final String CONTENT_REJECTED = "554 5.7.1 Message rejected as spam by Content Filtering.";

    private Verdicts() {
    }

    /** A RemoteDelivery bounce of {@code deliveryError} for {@code recipients}, classified under {@code prefix}. */
    static Mail classifiedUnder(String prefix, String deliveryError, String... recipients) throws Exception {
        ClassifyBounce mailet = new ClassifyBounce();
        mailet.init(FakeMailetConfig.builder().mailetName("ClassifyBounce").setProperty("prefix", prefix).build());
        Mail mail = Bounces.bounce(deliveryError, recipients);
        mailet.service(mail);
        return mail;
    }

    /** Like {@link #classifiedUnder(String, String, String...)} under the default prefix. */
    static Mail classified(String deliveryError, String... recipients) throws Exception {
        return classifiedUnder("bouncekit.", deliveryError, recipients);
    }

    /** {@code matcher} initialized with {@code condition} (null for none). */
    static <M extends BounceMatcher> M configured(M matcher, String condition) throws Exception {
        matcher.init(FakeMatcherConfig.builder()
                .matcherName(matcher.getClass().getSimpleName())
                .condition(condition)
                .build());
        return matcher;
    }

    static List<String> matched(BounceMatcher matcher, Mail mail) {
        Collection<MailAddress> recipients = matcher.match(mail);
        return Bounces.asStrings(recipients);
    }
}
