package dev.bouncekit.receiver.internal;

import dev.bouncekit.reply.SmtpStage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a catalog reply with the session's own addresses: the mailbox the provider's example reply
 * names becomes the refused recipient (the sender at MAIL), a reserved example domain
 * ({@code example.org}) the recipient's domain, and an example IPv4 address (RFC 5737) the client's. Every other byte is kept, so a
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
                filled = IPV4.matcher(filled).replaceAll(m -> isExampleIp(m.group())
                        ? Matcher.quoteReplacement(client) : Matcher.quoteReplacement(m.group()));
            }
            out.add(filled);
        }
        if (exampleDomain != null && isExampleDomain(exampleDomain)) {
            String domain = Facts.domainOf(mailbox);
            Pattern example = Pattern.compile("(?<![A-Za-z0-9.@-])" + Pattern.quote(exampleDomain) + "(?![A-Za-z0-9-])");
            out.replaceAll(line -> example.matcher(line).replaceAll(Matcher.quoteReplacement(domain)));
        }
        return out;
    }

    /** The documentation ranges (RFC 5737) that catalog replies use in place of a real client's address. */
    private static boolean isExampleIp(String ip) {
        return ip.startsWith("192.0.2.") || ip.startsWith("198.51.100.") || ip.startsWith("203.0.113.");
    }

    /** The reserved example domains (RFC 2606) that catalog replies use in place of a real recipient's. */
    private static boolean isExampleDomain(String domain) {
        String d = domain.toLowerCase(java.util.Locale.ROOT);
        return d.equals("example.com") || d.equals("example.org") || d.equals("example.net") || d.endsWith(".example");
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
