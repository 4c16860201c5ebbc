package dev.bouncekit.receiver.gate;

import dev.bouncekit.receiver.Exchange;
import dev.bouncekit.receiver.TranscriptConnection;
import dev.bouncekit.reply.SmtpStage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attempts a transcript shows, in order: every {@code RCPT TO}, {@code MAIL FROM}, greeting
 * and {@code EHLO}, and for every message the outcome for each recipient accepted in its
 * transaction.
 */
public final class TranscriptFacts {

    private final List<Attempt> attempts;

    private TranscriptFacts(List<Attempt> attempts) {
        this.attempts = List.copyOf(attempts);
    }

    /** The attempts of a transcript. */
    public static TranscriptFacts of(List<TranscriptConnection> transcript) {
        List<Attempt> out = new ArrayList<>();
        for (TranscriptConnection connection : transcript) {
            read(connection, out);
        }
        return new TranscriptFacts(out);
    }

    /** All attempts in transcript order. */
    public List<Attempt> all() {
        return attempts;
    }

    /** The attempts of one kind. */
    public List<Attempt> of(Attempt.Kind kind) {
        return attempts.stream().filter(a -> a.kind() == kind).toList();
    }

    /** The attempts of one kind for one address (case-insensitive). */
    public List<Attempt> of(Attempt.Kind kind, String address) {
        String wanted = normalize(address);
        return attempts.stream().filter(a -> a.kind() == kind && a.address().equals(wanted)).toList();
    }

    /** The addresses tried in {@code RCPT TO}, lower-cased, in order of first attempt. */
    public List<String> recipients() {
        return of(Attempt.Kind.RECIPIENT).stream().map(Attempt::address).distinct().toList();
    }

    /** Lower-cases an address for comparison. */
    public static String normalize(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    private static void read(TranscriptConnection connection, List<Attempt> out) {
        List<String> transaction = new ArrayList<>();
        boolean inTransaction = false;
        for (Exchange e : connection.exchanges()) {
            String command = e.command() == null ? "" : e.command().strip().toUpperCase(Locale.ROOT);
            if (e.stage() == SmtpStage.CONNECT || e.stage() == SmtpStage.EHLO) {
                out.add(new Attempt(Attempt.Kind.CONNECTION, "", connection, e));
            } else if (e.stage() == SmtpStage.MAIL) {
                out.add(new Attempt(Attempt.Kind.SENDER, address(e.command()), connection, e));
                transaction.clear();
                inTransaction = e.code() >= 200 && e.code() < 300;
            } else if (e.stage() == SmtpStage.RCPT) {
                String address = address(e.command());
                out.add(new Attempt(Attempt.Kind.RECIPIENT, address, connection, e));
                if (inTransaction && e.code() >= 200 && e.code() < 300) {
                    transaction.add(address);
                }
            } else if (e.stage() == SmtpStage.DATA) {
                boolean intermediate = e.code() >= 300 && e.code() < 400;
                if (!intermediate && inTransaction) {
                    for (String recipient : transaction) {
                        out.add(new Attempt(Attempt.Kind.DELIVERY, recipient, connection, e));
                    }
                    transaction.clear();
                    inTransaction = false;
                }
            } else if (command.startsWith("RSET")) {
                transaction.clear();
                inTransaction = false;
            }
        }
    }

    /** The address in {@code RCPT TO:<a@b> ...} or {@code MAIL FROM:<a@b> ...}, lower-cased. */
    static String address(String command) {
        if (command == null) {
            return "";
        }
        int colon = command.indexOf(':');
        String rest = colon < 0 ? "" : command.substring(colon + 1).strip();
        if (rest.startsWith("<")) {
            int end = rest.indexOf('>');
            return normalize(end < 0 ? rest.substring(1) : rest.substring(1, end));
        }
        int space = rest.indexOf(' ');
        return normalize(space < 0 ? rest : rest.substring(0, space));
    }
}
