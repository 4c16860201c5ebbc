package dev.bouncekit.mailet;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.reply.Mentions;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.rules.RuleSyntaxException;
import com.google.inject.Inject;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies the bounces of {@code RemoteDelivery}: put it first in the processor named by
 * RemoteDelivery's {@code bounceProcessor}. It reads what RemoteDelivery left on the mail
 * ({@code delivery-error}, {@code delivery-error-code}, {@code is-delivery-permanent-error},
 * {@code delivery_retry_count}, the failed recipients), classifies the reply with bouncekit, and
 * stores the verdict as typed attributes (see {@link BounceAttributes}) for the matchers in
 * {@code dev.bouncekit.mailet.matchers} and for {@code MailAttributesToMimeHeaders}.
 *
 * <pre>{@code
 * <mailet match="All" class="dev.bouncekit.mailet.ClassifyBounce">
 *   <prefix>bouncekit.</prefix>                        <!-- optional -->
 *   <rules>file://conf/bounce.rules</rules>             <!-- optional -->
 * </mailet>
 * }</pre>
 * Init parameters: {@code prefix}, the prefix of the attribute names (default
 * {@value BounceAttributes#DEFAULT_PREFIX}); {@code rules}, a rules file (format: {@link RuleSet})
 * whose rules are tried before the built-in ones, found as James finds its own files
 * ({@code file://conf/bounce.rules}, an absolute path, or a path relative to James's working
 * directory; see {@link RulesLocation}). Both are checked in {@link #init()}, which fails with an
 * {@link IllegalArgumentException} saying what is wrong.
 *
 * <p>It never throws from {@link #service(Mail)} and changes nothing on the mail but its own
 * attributes. A mail without a usable {@code delivery-error} is classified {@code undefined}; each
 * kind of odd input is logged once at WARN. Every classified bounce gives one INFO line.
 *
 * <p>It uses only the {@link Mail} attribute and recipient API, so the same class works in James
 * 3.8 ({@code javax.mail}) and 3.9 ({@code jakarta.mail}).
 */
public class ClassifyBounce extends GenericMailet {

    /** Init parameter: the prefix of the attribute names. */
    public static final String PREFIX_PARAMETER = "prefix";
    /** Init parameter: a rules file tried before the built-in rules. */
    public static final String RULES_PARAMETER = "rules";

    private static final Set<String> ACCEPTED_PARAMETERS =
            Set.of(PREFIX_PARAMETER, RULES_PARAMETER, "onMailetException", "onMatchException");
    private static final Logger LOGGER = LoggerFactory.getLogger(ClassifyBounce.class);
    private static final Classification UNDEFINED = BounceClassifier.builtIn().classify("");

    private final FileSystem fileSystem;
    private BounceAttributes attributes;
    private BounceClassifier classifier;
    private ProblemLog problems;

    /** A mailet without James's FileSystem: a {@code rules} path must then be a plain path. */
    public ClassifyBounce() {
        this(null);
    }

    /**
     * The mailet as James creates it, with James's FileSystem to resolve the {@code rules} path
     * ({@code file://conf/bounce.rules}, or relative to James's working directory).
     */
    @Inject
    public ClassifyBounce(FileSystem fileSystem) {
        this.fileSystem = fileSystem;
    }

    @Override
    public void init() {
        rejectUnknownParameters();
        attributes = readPrefix();
        classifier = readRules();
        problems = new ProblemLog(LOGGER);
    }

    @Override
    public String getMailetInfo() {
        return "ClassifyBounce: classifies RemoteDelivery bounces into bouncekit reason, owner and action attributes";
    }

    /** The attribute names this mailet writes. */
    public BounceAttributes attributes() {
        return attributes;
    }

    @Override
    public void service(Mail mail) {
        try {
            classify(mail);
        } catch (RuntimeException e) {
            problems.report("unexpected " + e.getClass().getName(), mail.getName(),
                    "classified undefined", e);
            try {
                attributes.write(mail, UNDEFINED, new RecipientAttribution(null, List.of()));
            } catch (RuntimeException again) {
                LOGGER.debug("could not mark mail {} undefined", mail.getName(), again);
            }
        }
    }

    private void classify(Mail mail) {
        DeliveryFailure failure = DeliveryFailure.readFrom(mail);
        for (String problem : failure.problems()) {
            problems.report(problem, mail.getName(), failure.errorText() == null ? "classified undefined" : "ignored", null);
        }
        List<String> mentioned = Mentions.in(failure.errorText() == null ? "" : failure.errorText()).addresses();
        DeliveryContext context = DeliveryContext.none().withRecipient(contextRecipient(failure.recipients(), mentioned));
        Classification classification = classifier.classify(failure.reply(), context);
        RecipientAttribution attribution = RecipientAttribution.of(failure.recipients(), mentioned, classification.owner(),
                failure.replyOrigin());
        attributes.write(mail, classification, attribution);
        LOGGER.info("Bounce {} classified: reason={} hard={} action={} provider={} recipient-domain={} status={} code={} retries={}",
                mail.getName(), classification.reason().id(), classification.hard(), classification.action().id(),
                orDash(classification.provider()), recipientDomain(failure.recipients(), attribution),
                orDash(classification.status()), orDash(classification.code()), orDash(failure.retries()));
    }

    /** A recipient whose domain can tell the provider: the one the reply is about, or any when all share a domain. */
    private static String contextRecipient(List<String> recipients, List<String> mentioned) {
        return RecipientAttribution.named(recipients, mentioned)
                .orElse(domains(recipients).size() == 1 ? recipients.get(0) : null);
    }

    private static String recipientDomain(List<String> recipients, RecipientAttribution attribution) {
        Set<String> domains = attribution.named().map(List::of).map(ClassifyBounce::domains).orElse(domains(recipients));
        return domains.isEmpty() ? "-" : String.join(",", domains);
    }

    private static Set<String> domains(List<String> recipients) {
        Set<String> domains = new LinkedHashSet<>();
        for (String recipient : recipients) {
            domains.add(recipient.substring(recipient.lastIndexOf('@') + 1));
        }
        return domains;
    }

    private static Object orDash(Object value) {
        return value == null ? "-" : value;
    }

    private void rejectUnknownParameters() {
        List<String> unknown = new ArrayList<>();
        Iterator<String> names = getInitParameterNames();
        while (names != null && names.hasNext()) {
            String name = names.next();
            if (!ACCEPTED_PARAMETERS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(getMailetName() + ": unknown init parameter(s) " + unknown
                    + "; ClassifyBounce accepts " + PREFIX_PARAMETER + " and " + RULES_PARAMETER);
        }
    }

    private BounceAttributes readPrefix() {
        String prefix = getInitParameter(PREFIX_PARAMETER);
        if (prefix == null) {
            return BounceAttributes.defaults();
        }
        try {
            return BounceAttributes.withPrefix(prefix.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(getMailetName() + ": init parameter " + PREFIX_PARAMETER + ": " + e.getMessage(), e);
        }
    }

    private BounceClassifier readRules() {
        String value = getInitParameter(RULES_PARAMETER);
        if (value == null) {
            return BounceClassifier.builtIn();
        }
        String where = getMailetName() + ": init parameter " + RULES_PARAMETER + ": ";
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + "is empty; give the path of a rules file or leave the parameter out");
        }
        Path file;
        try {
            file = RulesLocation.resolve(value, fileSystem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage(), e);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(where + "no rules file at " + file.toAbsolutePath()
                    + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        try {
            return BounceClassifier.withRules(RuleSet.read(file));
        } catch (RuleSyntaxException e) {
            throw new IllegalArgumentException(where + "invalid rules file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + "cannot read rules file " + file.toAbsolutePath() + ": " + e, e);
        }
    }
}
