package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.receiver.ReceivedMessage;
import dev.bouncekit.reply.SmtpStage;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * GreenMail's SMTP manager with the receiver's rules in its check hooks (MAIL, RCPT, DATA; a
 * non-null answer is sent verbatim instead of {@code 250 OK}), the message size limit at DATA,
 * and every stored message recorded as the octets received; its subject is read from the header
 * block without parsing the message.
 * Storing and waiting are delegated to GreenMail's own manager, so its mailboxes, IMAP, POP3 and
 * {@code waitForIncomingEmail} keep working; a message whose MIME parts nest deeper than
 * {@link FakeReceiver#MAX_MIME_DEPTH} is kept from them, as their indexing walks every level.
 */
final class ReceiverSmtpManager extends SmtpManager {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiverSmtpManager.class);

    private final SmtpManager stock;

    ReceiverSmtpManager(Managers managers) {
        super(managers.getImapHostManager(), managers.getUserManager());
        this.stock = managers.getSmtpManager();
    }

    @Override
    public String checkSender(SmtpState state, MailAddress sender) {
        if (!(state instanceof SessionState s)) {
            return null;
        }
        ConnectionSession session = s.session();
        Decision decision = session.runtime().decider()
                .decide(SmtpStage.MAIL, session.facts(sender.getEmail(), List.of()));
        return decision == null ? null : session.answer(decision);
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress recipient) {
        if (!(state instanceof SessionState s)) {
            return null;
        }
        ConnectionSession session = s.session();
        String address = recipient.getEmail();
        Decision decision = session.runtime().decider()
                .decide(SmtpStage.RCPT, session.facts(senderOf(state.getMessage()), List.of(address)));
        String answer = decision == null ? null : session.answer(decision);
        if (answer == null) {
            session.recipientAccepted(state.getMessage(), address);
        }
        return answer;
    }

    @Override
    public String checkData(SmtpState state) {
        if (!(state instanceof SessionState s)) {
            return null;
        }
        ConnectionSession session = s.session();
        session.endOfData();
        if (session.takeMessageTooLarge()) {
            session.label(ProtocolReplies.messageSize(session.runtime().limits().maxMessageSize()));
            session.dataRejected();
            return ProtocolReplies.MESSAGE_TOO_BIG;
        }
        MovingMessage message = state.getMessage();
        Decision decision = session.runtime().decider()
                .decide(SmtpStage.DATA, session.facts(senderOf(message), session.recipientsOf(message)));
        String answer = decision == null ? null : session.answer(decision);
        if (answer != null) {
            session.dataRejected();
        }
        return answer;
    }

    @Override
    public void send(SmtpState state) {
        if (!(state instanceof SessionState s)) {
            stock.send(state);
            return;
        }
        ConnectionSession session = s.session();
        MovingMessage message = state.getMessage();
        byte[] raw = session.received();
        String subject = SubjectHeader.of(raw);
        Recorder recorder = session.runtime().recorder();
        if (recorder.retention().keepsAllMessages()) {
            // GreenMail's mailboxes hold MIME messages: parsed here, only when they are kept
            MimeMessage mime = GreenMailUtil.newMimeMessage(new SharedByteArrayInputStream(raw));
            if (MimeNesting.deeperThan(mime, FakeReceiver.MAX_MIME_DEPTH)) {
                LOG.warn("SMTP connection {}: the message nests MIME parts more than {} levels deep; it is kept in the"
                        + " receiver's store, not in GreenMail's mailboxes (IMAP, POP3)", session.id(), FakeReceiver.MAX_MIME_DEPTH);
            } else {
                message.setMimeMessage(mime);
                stock.send(state);
            }
        }
        recorder = session.runtime().recorder();
        recorder.stored(session, new ReceivedMessage(recorder.nextMessageId(), session.id(), senderOf(message),
                session.recipientsOf(message), subject, raw.length, session.runtime().clock().instant(), raw));
    }

    @Override
    public CountDownLatch createAndAddNewWaitObject(int emailCount) {
        return stock.createAndAddNewWaitObject(emailCount);
    }

    private static String senderOf(MovingMessage message) {
        MailAddress path = message.getReturnPath();
        return path == null ? "" : path.getEmail();
    }
}
