package dev.bouncekit.receiver.internal;

import dev.bouncekit.reply.SmtpStage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a catalog reply with the session's own addresses: the mailbox the provider's example reply
 * names becomes the refused recipient (the sender at MAIL, the HELO name's stage has none), its
 * domain the recipient's domain, and an IPv4 address the client's. Every other byte is kept, so a
 * reply with none of these is sent byte for byte as the catalog has it.
 */
final class ReplyAddresses {

    /** A mailbox as replies write it: local part, @, a dotted domain. */
    private static final Pattern MAILBOX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
    /** A dotted-quad IPv4 address, not part of a longer number or version. */
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?![0-9.]*[0-9])");

    private ReplyAddresses() {
    }

    static List<String> fill(List<String> lines, SmtpStage stage, Facts facts) {
        String mailbox = mailboxOf(stage, facts);
        String client = facts.client();
        String exampleDomain = null;
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            String filled = line;
            if (mailbox != null) {
                Matcher m = MAILBOX.matcher(line);
                StringBuilder b = new StringBuilder(line.length() + mailbox.length());
                int last = 0;
                while (m.find()) {
                    exampleDomain = exampleDomain == null ? m.group(1) : exampleDomain;
                    b.append(line, last, m.start()).append(namesSender(line, m.end()) ? senderOr(facts, mailbox) : mailbox);
                    last = m.end();
                }
                filled = b.append(line, last, line.length()).toString();
            }
            if (client != null && client.indexOf('.') > 0 && client.indexOf(':') < 0) {
                filled = IPV4.matcher(filled).replaceAll(Matcher.quoteReplacement(client));
            }
            out.add(filled);
        }
        if (exampleDomain != null) {
            String domain = Facts.domainOf(mailbox);
            Pattern example = Pattern.compile("(?<![A-Za-z0-9.@-])" + Pattern.quote(exampleDomain) + "(?![A-Za-z0-9-])");
            out.replaceAll(line -> example.matcher(line).replaceAll(Matcher.quoteReplacement(domain)));
        }
        return out;
    }

    /** True when the text right after a mailbox says it is the sender's ("... Sender address rejected"). */
    private static boolean namesSender(String line, int end) {
        String after = line.substring(end, Math.min(line.length(), end + 24));
        return after.contains("Sender address");
    }

    private static String senderOr(Facts facts, String otherwise) {
        String sender = facts.envelopeSender();
        return sender == null || sender.isEmpty() ? otherwise : sender;
    }

    /** The address the reply is about: the recipient at RCPT and DATA, the sender at MAIL. */
    private static String mailboxOf(SmtpStage stage, Facts facts) {
        switch (stage) {
            case RCPT:
            case DATA:
                List<String> recipients = facts.envelopeRecipients();
                return recipients == null || recipients.isEmpty() ? null : recipients.get(0);
            case MAIL:
                return facts.envelopeSender() == null || facts.envelopeSender().isEmpty() ? null : facts.envelopeSender();
            default:
                return null;
        }
    }
}
