package dev.bouncekit.example.orders;

import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailSendException;

import java.util.Locale;

/**
 * The server's answer behind a failed send of one message, dug out of the exceptions Spring and
 * Jakarta Mail wrap it in.
 *
 * @param code  the SMTP reply code, or 0 when the server gave none (no connection, a timeout)
 * @param text  the reply as Jakarta Mail reports it, or the error's message
 * @param stage where in the session it came
 */
record SmtpRefusal(int code, String text, SmtpStage stage) {

    /** A 5xx: the server said not to try again. */
    boolean permanent() {
        return code >= 500;
    }

    /** The refusal behind a {@link MailSendException} for a message to one recipient. */
    static SmtpRefusal of(MailSendException failure) {
        Throwable cause = failure.getFailedMessages().isEmpty() ? failure.getCause()
                : failure.getFailedMessages().values().iterator().next();
        for (Throwable next = cause; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused) {
                return new SmtpRefusal(refused.getReturnCode(), refused.getMessage().strip(), SmtpStage.RCPT);
            }
            if (next instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 400) {
                String command = failed.getCommand() == null ? "" : failed.getCommand().toUpperCase(Locale.ROOT);
                return new SmtpRefusal(failed.getReturnCode(), failed.getMessage().strip(),
                        command.startsWith("MAIL") ? SmtpStage.MAIL : SmtpStage.DATA);
            }
        }
        return new SmtpRefusal(0, String.valueOf(cause != null ? cause.getMessage() : failure.getMessage()), SmtpStage.CONNECT);
    }
}
