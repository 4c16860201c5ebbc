package dev.bouncekit.e2e;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a mail stored by James carries: its recipients, its {@code bouncekit.*} attributes, the
 * RemoteDelivery attributes they were made from, and its message text. Read from the attribute
 * names as documented, since the test class path does not contain the mailet.
 */
record StoredMail(String reason, Boolean hard, String owner, String action, String provider, Integer code,
               String status, String recipient, List<String> unknownRecipients, List<String> recipients,
               String deliveryError, Boolean permanentError, Integer retries, String text, String rule) {

    /** A copy of what {@code mail} carries now; the mail may be disposed afterwards. */
    static StoredMail of(Mail mail) throws Exception {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        if (mail.getMessage() != null) {
            mail.getMessage().writeTo(message);
        }
        return new StoredMail(
                value(mail, "bouncekit.reason", String.class),
                value(mail, "bouncekit.hard", Boolean.class),
                value(mail, "bouncekit.owner", String.class),
                value(mail, "bouncekit.action", String.class),
                value(mail, "bouncekit.provider", String.class),
                value(mail, "bouncekit.code", Integer.class),
                value(mail, "bouncekit.status", String.class),
                value(mail, "bouncekit.recipient", String.class),
                strings(mail, "bouncekit.unknown-recipients"),
                mail.getRecipients().stream().map(MailAddress::asString).toList(),
                value(mail, "delivery-error", String.class),
                value(mail, "is-delivery-permanent-error", Boolean.class),
                value(mail, "delivery_retry_count", Integer.class),
                message.toString(StandardCharsets.UTF_8),
                value(mail, "bouncekit.rule", String.class));
    }

    private static <T> T value(Mail mail, String name, Class<T> type) {
        return mail.getAttribute(AttributeName.of(name))
                .map(Attribute::getValue)
                .map(AttributeValue::value)
                .map(type::cast)
                .orElse(null);
    }

    private static List<String> strings(Mail mail, String name) {
        List<String> out = new ArrayList<>();
        Object value = value(mail, name, Object.class);
        if (value instanceof Collection<?> values) {
            values.forEach(element -> out.add(String.valueOf(((AttributeValue<?>) element).value())));
        }
        return out;
    }
}
