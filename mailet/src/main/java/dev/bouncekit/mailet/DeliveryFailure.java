package dev.bouncekit.mailet;

import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What RemoteDelivery left on a mail it sends to its {@code bounceProcessor}, read defensively:
 * an attribute that is missing or of an unexpected type is taken as unknown and described in
 * {@link #problems()}.
 *
 * @param errorText  {@code delivery-error}: the kept reply, or James's own failure text; null when unknown
 * @param errorCode  {@code delivery-error-code}: the code RemoteDelivery saw; null when unknown
 * @param permanent  {@code is-delivery-permanent-error}; null when unknown
 * @param retries    {@code delivery_retry_count}; null when unknown
 * @param recipients the failed recipients, trimmed and lower-cased, in mail order
 * @param problems   one short description per missing or odd input, e.g. {@code delivery-error is a java.lang.Integer}
 */
record DeliveryFailure(String errorText, Integer errorCode, Boolean permanent, Integer retries,
                       List<String> recipients, List<String> problems) {

    /** RemoteDelivery's attribute with the failure text. */
    static final AttributeName DELIVERY_ERROR = AttributeName.of("delivery-error");
    /** RemoteDelivery's attribute with the reply code it saw. */
    static final AttributeName DELIVERY_ERROR_CODE = AttributeName.of("delivery-error-code");
    /** RemoteDelivery's attribute telling a 5xx from a given-up retry. */
    static final AttributeName IS_DELIVERY_PERMANENT_ERROR = AttributeName.of("is-delivery-permanent-error");
    /** RemoteDelivery's attribute counting the retries done. */
    static final AttributeName DELIVERY_RETRY_COUNT = AttributeName.of("delivery_retry_count");

    DeliveryFailure {
        recipients = List.copyOf(recipients);
        problems = List.copyOf(problems);
    }

    /** Reads the failure from {@code mail}; never throws for odd attributes. */
    static DeliveryFailure readFrom(Mail mail) {
        List<String> problems = new ArrayList<>();
        String text = read(mail, DELIVERY_ERROR, String.class, problems, true);
        if (text != null && text.isBlank()) {
            problems.add(DELIVERY_ERROR.asString() + " is blank");
            text = null;
        }
        Integer code = integer(mail, DELIVERY_ERROR_CODE, problems);
        Boolean permanent = read(mail, IS_DELIVERY_PERMANENT_ERROR, Boolean.class, problems, false);
        Integer retries = integer(mail, DELIVERY_RETRY_COUNT, problems);
        return new DeliveryFailure(text, code, permanent, retries, recipients(mail, problems), problems);
    }

    /**
     * The reply to classify: the kept text as parsed; when it carries no reply code of its own
     * (James's own wording, a bare enhanced status, a DSN's fields) but RemoteDelivery saw a 4xx
     * or 5xx code, with that code. Empty when there is no text.
     */
    SmtpReply reply() {
        SmtpReply parsed = ReplyParser.parse(errorText == null ? "" : errorText);
        if (errorText == null || parsed.hasCode() || errorCode == null || errorCode < 400 || errorCode > 599) {
            return parsed;
        }
        return new SmtpReply(errorCode, parsed.status(), parsed.lines(), parsed.reportedStage(), parsed.reportedHost(),
                parsed.reportedRecipient());
    }

    /**
     * Whether the kept reply may be, by RemoteDelivery's workings, the refusal of a recipient that
     * is not on this bounce. RemoteDelivery keeps the refusal of the first refused RCPT of a
     * transaction and puts it on every bounce of that transaction ({@code sendpartial=true}):
     * <ul>
     *   <li>a 4xx reply is always another recipient's: RemoteDelivery bounces a recipient at once
     *       only for a 5xx, and a 4xx one after its last retry with James's own text;</li>
     *   <li>a reply whose code is not the 4xx or 5xx code RemoteDelivery saw
     *       ({@code delivery-error-code}) is a RCPT refusal while the transaction failed later,
     *       at DATA: the recipients accepted at RCPT are bounced with it too, so it may be another
     *       recipient's.</li>
     * </ul>
     */
    RecipientAttribution.ReplyOrigin replyOrigin() {
        SmtpReply own = ReplyParser.parse(errorText == null ? "" : errorText);
        if (!own.hasCode()) {
            return RecipientAttribution.ReplyOrigin.UNTOLD;
        }
        if (own.code() >= 400 && own.code() <= 499) {
            return RecipientAttribution.ReplyOrigin.ANOTHER_RECIPIENT;
        }
        boolean otherCode = errorCode != null && errorCode >= 400 && errorCode <= 599 && errorCode != own.code();
        return otherCode ? RecipientAttribution.ReplyOrigin.MAYBE_ANOTHER_RECIPIENT : RecipientAttribution.ReplyOrigin.UNTOLD;
    }

    private static <T> T read(Mail mail, AttributeName name, Class<T> type, List<String> problems, boolean required) {
        Optional<Object> value = mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value);
        if (value.isEmpty()) {
            if (required) {
                problems.add(name.asString() + " is missing");
            }
            return null;
        }
        if (!type.isInstance(value.get())) {
            problems.add(name.asString() + " is a " + value.get().getClass().getName() + ", not a " + type.getSimpleName());
            return null;
        }
        return type.cast(value.get());
    }

    /** An Integer, or a Long, Short or Byte that fits one; anything else is a problem. */
    private static Integer integer(Mail mail, AttributeName name, List<String> problems) {
        Number value = read(mail, name, Number.class, problems, false);
        if (value == null) {
            return null;
        }
        boolean integral = value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
        if (!integral || value.longValue() != value.intValue()) {
            problems.add(name.asString() + " is a " + value.getClass().getName() + " (" + value + "), not an Integer");
            return null;
        }
        return value.intValue();
    }

    private static List<String> recipients(Mail mail, List<String> problems) {
        Collection<MailAddress> addresses = mail.getRecipients();
        List<String> out = new ArrayList<>();
        if (addresses != null) {
            for (MailAddress address : addresses) {
                if (address != null) {
                    out.add(BounceAttributes.normalize(address.asString()));
                }
            }
        }
        if (out.isEmpty()) {
            problems.add("the mail has no recipients");
        }
        return out;
    }
}
