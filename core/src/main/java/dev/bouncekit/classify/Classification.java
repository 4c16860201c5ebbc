package dev.bouncekit.classify;

import dev.bouncekit.reply.Mentions;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;

import java.util.List;

/**
 * The verdict on one delivery failure.
 *
 * @param reason    why it failed
 * @param hard      Sisimai's hard-bounce flag: the address itself is bad
 * @param owner     who must act
 * @param action    what to do
 * @param provider  the provider id ({@code gmail}, {@code outlook}, ...), or null when not known
 * @param reply     the parsed reply the verdict is based on; when its text has no enhanced status code,
 *                  with the context's DSN status ({@link DeliveryContext#dsnStatus()}) if there is one
 * @param rule      which rule decided, e.g. {@code phrase:generic.rules:12}, {@code status:5.1.1},
 *                  {@code catalog:gmail/user-unknown}, {@code fallback:onhold}
 * @param evidence  which layer decided, so that weak verdicts can go to review
 */
public record Classification(Reason reason, boolean hard, Owner owner, Action action, String provider,
                             SmtpReply reply, String rule, Evidence evidence) {

    /** The e-mail addresses the reply text names, lower-cased, in order (computed on each call). */
    public List<String> addresses() {
        return Mentions.in(reply.text()).addresses();
    }

    /** The basic reply code, or null when the reply has none. */
    public Integer code() {
        return reply.hasCode() ? reply.code() : null;
    }

    /** The enhanced status code (the reply's own, else the context's DSN status), or null when neither has one. */
    public EnhancedStatusCode status() {
        return reply.status();
    }

    /** True when the failure is permanent (5xx, or a 5.x.x {@link #status()} without a code). */
    public boolean permanent() {
        return reply.isPermanent();
    }
}
