package dev.bouncekit.sample;

import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One SMTP session: sends an email to some recipients and sorts them into delivered and failed. */
final class SmtpAttempt {

    private final Session session;

    SmtpAttempt(SmtpSettings settings) {
        this.session = Session.getInstance(settings.toProperties());
    }

    /** What one session achieved. */
    record Result(List<String> delivered, Map<String, Failure> failures) {
    }

    Result send(Email email, List<String> recipients) {
        Map<String, Failure> failures = new LinkedHashMap<>();
        try {
            Transport.send(message(email), addresses(recipients));
            return new Result(recipients, failures);
        } catch (SendFailedException e) {
            for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException refused) {
                    String address = refused.getAddress().getAddress();
                    failures.put(key(address), new Failure(address, refused.getReturnCode(), refused.getMessage().strip(),
                            SmtpStage.RCPT));
                }
            }
            List<String> delivered = new ArrayList<>();
            for (Address sent : e.getValidSentAddresses() == null ? new Address[0] : e.getValidSentAddresses()) {
                delivered.add(((InternetAddress) sent).getAddress());
            }
            for (String recipient : recipients) {
                if (!failures.containsKey(key(recipient)) && delivered.stream().noneMatch(d -> d.equalsIgnoreCase(recipient))) {
                    failures.put(key(recipient), failureOfSession(recipient, e));
                }
            }
            return new Result(delivered, failures);
        } catch (MessagingException e) {
            for (String recipient : recipients) {
                failures.put(key(recipient), new Failure(recipient, 0, String.valueOf(e.getMessage()), SmtpStage.CONNECT));
            }
            return new Result(List.of(), failures);
        }
    }

    private static Failure failureOfSession(String recipient, SendFailedException e) {
        if (e instanceof SMTPSendFailedException failed && failed.getReturnCode() >= 400) {
            String command = failed.getCommand() == null ? "" : failed.getCommand().toUpperCase(Locale.ROOT);
            SmtpStage stage = command.startsWith("MAIL") ? SmtpStage.MAIL : SmtpStage.DATA;
            return new Failure(recipient, failed.getReturnCode(), failed.getMessage().strip(), stage);
        }
        return new Failure(recipient, 0, String.valueOf(e.getMessage()), SmtpStage.DATA);
    }

    private MimeMessage message(Email email) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(email.from()));
        for (String to : email.to()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        message.setSubject(email.subject(), "UTF-8");
        message.setText(email.body(), "UTF-8");
        return message;
    }

    private static Address[] addresses(List<String> recipients) throws MessagingException {
        Address[] out = new Address[recipients.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new InternetAddress(recipients.get(i));
        }
        return out;
    }

    private static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
