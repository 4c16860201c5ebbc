package dev.bouncekit.receiver.internal;

import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;

import java.util.HashMap;
import java.util.Map;

/** GreenMail's SMTP commands, each run as a {@link SessionCommand}. */
final class ReceiverCommandRegistry extends SmtpCommandRegistry {

    private static final String[] NAMES = {"AUTH", "HELO", "EHLO", "NOOP", "RSET", "QUIT", "MAIL", "RCPT", "DATA", "VRFY"};
    private static final Map<String, SmtpCommand> COMMANDS = wrapStock();

    @Override
    public SmtpCommand getCommand(String name) {
        SmtpCommand command = COMMANDS.get(name);
        return command != null ? command : super.getCommand(name);
    }

    private static Map<String, SmtpCommand> wrapStock() {
        SmtpCommandRegistry stock = new SmtpCommandRegistry();
        Map<String, SmtpCommand> out = new HashMap<>();
        for (String name : NAMES) {
            SmtpCommand command = stock.getCommand(name);
            if (command == null) {
                continue;
            }
            switch (name) {
                case "AUTH":
                    out.put(name, new SessionCommand.Auth(command));
                    break;
                case "HELO":
                case "EHLO":
                    out.put(name, new SessionCommand.Helo(command));
                    break;
                case "MAIL":
                    out.put(name, new SessionCommand.Mail(command));
                    break;
                case "RCPT":
                    out.put(name, new SessionCommand.Rcpt(command));
                    break;
                case "DATA":
                    out.put(name, new SessionCommand.Data(command));
                    break;
                default:
                    out.put(name, new SessionCommand(command, SessionCommand.isQuit(name)));
            }
        }
        return out;
    }
}
