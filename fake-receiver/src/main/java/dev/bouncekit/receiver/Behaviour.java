package dev.bouncekit.receiver;

import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.reply.SmtpReply;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link ReplyRule} does when it answers: a closed set of types, each of which knows the
 * exact lines it sends and whether the connection closes after them. A new behaviour is a new type
 * here, its mapping in the scenario format, and what the session does with it.
 */
public sealed interface Behaviour permits Behaviour.CatalogReply, Behaviour.CustomReply, Behaviour.Disconnect,
        Behaviour.Accept {

    /** The lines sent, exactly, without CRLF; empty when nothing is sent. */
    List<String> lines();

    /** True when the connection is closed after the lines (if any). */
    default boolean disconnects() {
        return false;
    }

    /** The catalog entry sent, when one is. */
    default Optional<CatalogEntry> catalogEntry() {
        return Optional.empty();
    }

    /** How a rule's description names it: {@code gmail/user-unknown}, {@code disconnect}, {@code accept}. */
    String describe();

    /**
     * Sends a catalog entry byte for byte.
     *
     * @param catalogId the entry's id or alias, lower-cased
     */
    record CatalogReply(String catalogId) implements Behaviour {

        /** @throws InvalidRuleException for an unknown id or alias */
        public CatalogReply {
            try {
                ReplyCatalog.builtIn().require(catalogId);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidRuleException("reply", e.getMessage() == null ? "a catalog id is required" : e.getMessage());
            }
            catalogId = catalogId.trim().toLowerCase(Locale.ROOT);
        }

        @Override
        public List<String> lines() {
            return ReplyCatalog.builtIn().require(catalogId).lines();
        }

        @Override
        public Optional<CatalogEntry> catalogEntry() {
            return ReplyCatalog.builtIn().resolve(catalogId);
        }

        @Override
        public String describe() {
            return catalogId;
        }
    }

    /**
     * Sends a reply of the rule's own, 4xx or 5xx, printable ASCII; its enhanced status, if any, of
     * the code's class ({@code 550 5.1.1}, never {@code 550 4.1.1}: RFC 3463, 2).
     */
    record CustomReply(SmtpReply reply) implements Behaviour {

        /** @throws InvalidRuleException for a code under 400, a status of another class or unprintable text */
        public CustomReply {
            if (reply == null || !reply.hasCode() || reply.code() < 400) {
                throw new InvalidRuleException("reply", "code must be 4xx or 5xx, not " + (reply == null ? "none" : reply.code())
                        + " (a rule that lets mail through uses accept())");
            }
            int codeClass = reply.code() / 100;
            reply.enhancedStatus().filter(status -> status.statusClass() != codeClass).ifPresent(status -> {
                throw new InvalidRuleException("reply", "status " + status + " does not match code " + reply.code()
                        + "; an enhanced status starts with the code's first digit (RFC 3463): " + codeClass + ".x.x");
            });
            for (String line : reply.lines()) {
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                        throw new InvalidRuleException("reply", "text must be printable ASCII on single lines;"
                                + " give several lines as a list, not with line breaks");
                    }
                }
            }
        }

        @Override
        public List<String> lines() {
            return reply.wireLines();
        }

        @Override
        public String describe() {
            return reply.toString();
        }
    }

    /**
     * Closes the connection, after a reply or silently.
     *
     * @param before the reply sent first, or null for none
     */
    record Disconnect(Behaviour before) implements Behaviour {

        /** @throws InvalidRuleException when {@code before} is not a reply */
        public Disconnect {
            if (before != null && !(before instanceof CatalogReply) && !(before instanceof CustomReply)) {
                throw new InvalidRuleException("disconnect", "only a reply can come before a disconnect");
            }
        }

        @Override
        public List<String> lines() {
            return before == null ? List.of() : before.lines();
        }

        @Override
        public boolean disconnects() {
            return true;
        }

        @Override
        public Optional<CatalogEntry> catalogEntry() {
            return before == null ? Optional.empty() : before.catalogEntry();
        }

        @Override
        public String describe() {
            return before == null ? "disconnect" : before.describe() + ", then disconnect";
        }
    }

    /** Lets the receiver answer as it normally would (after the rule's delay, for a slow server). */
    record Accept() implements Behaviour {

        @Override
        public List<String> lines() {
            return List.of();
        }

        @Override
        public String describe() {
            return "accept";
        }
    }
}
