package dev.bouncekit.sample;

import dev.bouncekit.reply.SmtpStage;

/**
 * A server's refusal for one recipient, as Jakarta Mail reported it.
 *
 * @param address the recipient
 * @param code    the SMTP reply code, or 0 when there was none (a network error)
 * @param text    the reply as reported (lines joined by new lines) or the error text
 * @param stage   where in the session it came
 */
record Failure(String address, int code, String text, SmtpStage stage) {

    /** A 5xx reply: the server said not to try again. */
    boolean permanent() {
        return code >= 500;
    }
}
