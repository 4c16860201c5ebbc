package dev.bouncekit.mailet;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Mails as RemoteDelivery hands them to its bounceProcessor, and ways to read the verdict back. */
public final class Bounces {

    public static final String GMAIL_USER_UNKNOWN = String.join("\n",
            "550-5.1.1 The email account that you tried to reach does not exist. Please try",
            "550-5.1.1 double-checking the recipient's email address for typos or",
            "550-5.1.1 unnecessary spaces. Learn more at",
            "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser d2e1a72fcca58-7a1b2c3d4e5si1234567b3a.99 - gsmtp");
    public static final String SPAMHAUS_CLIENT = "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus."
            + " To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 (AS16012611)";
    public static final String TOO_MANY_RETRIES = "Too many retries failure. Bouncing after 3 retries.";

    public static final AttributeName DELIVERY_ERROR = AttributeName.of("delivery-error");
    public static final AttributeName DELIVERY_ERROR_CODE = AttributeName.of("delivery-error-code");
    public static final AttributeName PERMANENT = AttributeName.of("is-delivery-permanent-error");
    public static final AttributeName RETRIES = AttributeName.of("delivery_retry_count");

    private Bounces() {
    }

    /** A permanent failure with {@code deliveryError} for {@code recipients}, as RemoteDelivery leaves it. */
    public static FakeMail bounce(String deliveryError, String... recipients) throws Exception {
        return builder(recipients)
                .attribute(new Attribute(DELIVERY_ERROR, AttributeValue.of(deliveryError)))
                .attribute(new Attribute(PERMANENT, AttributeValue.of(true)))
                .build();
    }

    /** A mail for {@code recipients} from sender@example.org with no attribute yet. */
    public static FakeMail.Builder builder(String... recipients) throws Exception {
        return FakeMail.builder()
                .name("bounce-1")
                .sender("sender@example.org")
                .recipients(recipients);
    }

    public static Attribute attribute(AttributeName name, AttributeValue<?> value) {
        return new Attribute(name, value);
    }

    /** The raw value of attribute {@code name} on {@code mail}, or empty. */
    public static Optional<Object> value(Mail mail, String name) {
        return mail.getAttribute(AttributeName.of(name)).map(Attribute::getValue).map(AttributeValue::value);
    }

    /** The strings of a list attribute. */
    public static List<String> strings(Mail mail, String name) {
        List<String> out = new ArrayList<>();
        value(mail, name).filter(Collection.class::isInstance).map(Collection.class::cast).ifPresent(values -> {
            for (Object element : values) {
                out.add(String.valueOf(((AttributeValue<?>) element).value()));
            }
        });
        return out;
    }

    public static List<String> asStrings(Collection<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::asString).toList();
    }
}
