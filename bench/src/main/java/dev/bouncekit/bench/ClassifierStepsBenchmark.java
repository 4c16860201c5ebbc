package dev.bouncekit.bench;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.provider.Provider;
import dev.bouncekit.provider.ProviderDetector;
import dev.bouncekit.reply.Mentions;
import dev.bouncekit.reply.ReplyParser;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.rules.PhraseRule;
import dev.bouncekit.rules.RuleMatcher;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.status.StatusCodeRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What each step of {@code BounceClassifier.classify} costs on the {@link ReplyMix}, one reply per
 * operation, each step fed with what the previous steps produce (computed in setup): parsing,
 * joining the reply's text lines, detecting the provider (with the remote host the context gives),
 * matching the phrase rules, looking up the status code. {@link #stepsInSequence} runs them one
 * after another, as {@code classify} does; {@link #addresses} is what
 * {@code Classification.addresses()} costs when a caller asks for it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClassifierStepsBenchmark {

    private String[] texts;
    private SmtpReply[] replies;
    private String[] replyTexts;
    private String[] providerIds;
    private String[] hosts;
    private SmtpStage[] stages;
    private DeliveryContext[] contexts;
    private RuleMatcher matcher;
    private ProviderDetector providers;
    private StatusCodeRegistry statuses;
    private BounceClassifier classifier;
    private int next;

    /** Runs every step once per reply so that each benchmark gets its real input. */
    @Setup
    public void setUp() {
        ReplyMix mix = ReplyMix.load();
        int n = mix.size();
        texts = mix.texts().toArray(new String[0]);
        contexts = mix.contexts().toArray(new DeliveryContext[0]);
        replies = new SmtpReply[n];
        replyTexts = new String[n];
        providerIds = new String[n];
        hosts = new String[n];
        stages = new SmtpStage[n];
        matcher = RuleSet.builtIn().compile();
        providers = ProviderDetector.builtIn();
        statuses = StatusCodeRegistry.builtIn();
        classifier = BounceClassifier.builtIn();
        for (int i = 0; i < n; i++) {
            replies[i] = ReplyParser.parse(texts[i]);
            replyTexts[i] = replies[i].text();
            stages[i] = contexts[i].stage() != null ? contexts[i].stage() : replies[i].reportedStage();
            hosts[i] = contexts[i].remoteHost() != null ? contexts[i].remoteHost() : replies[i].reportedHost();
            providerIds[i] = providers.detect(replyTexts[i], hosts[i], null).map(Provider::id).orElse(null);
        }
        // A matcher builds its own phrase index on first use: here, not in the first measured call.
        matcher.firstMatch(replyTexts[0], providerIds[0], stages[0], 0, null);
    }

    /** {@code ReplyParser.parse}. */
    @Benchmark
    public Object parse() {
        return ReplyParser.parse(texts[advance()]);
    }

    /** {@code SmtpReply.text}: the lines joined by spaces. */
    @Benchmark
    public Object replyText() {
        return replies[advance()].text();
    }

    /** {@code ProviderDetector.detect}. */
    @Benchmark
    public Object detectProvider() {
        int i = advance();
        return providers.detect(replyTexts[i], hosts[i], null);
    }

    /** {@code RuleMatcher.firstMatch}. */
    @Benchmark
    public Object matchRules() {
        int i = advance();
        SmtpReply reply = replies[i];
        int replyClass = reply.hasCode() ? reply.code() / 100 : 0;
        return matcher.firstMatch(replyTexts[i], providerIds[i], stages[i], replyClass, reply.status());
    }

    /** {@code StatusCodeRegistry.reasonOf}. */
    @Benchmark
    public Object statusReason() {
        SmtpReply reply = replies[advance()];
        return reply.status() == null ? null : statuses.reasonOf(reply.status());
    }

    /** {@code Mentions.in(text).addresses()}: not part of {@code classify}, paid when a caller asks. */
    @Benchmark
    public Object addresses() {
        return Mentions.in(replyTexts[advance()]).addresses();
    }

    /**
     * The steps of {@code classify} on one reply, one after the other, without building the
     * result. Against the sum of the steps measured alone it shows what running them in turn
     * costs (they share the CPU caches); against {@code classify} what deciding and building the
     * result cost.
     */
    @Benchmark
    public Object stepsInSequence() {
        int i = advance();
        SmtpReply reply = ReplyParser.parse(texts[i]);
        String text = reply.text();
        Optional<Provider> provider = providers.detect(text, hosts[i], null);
        int replyClass = reply.hasCode() ? reply.code() / 100 : 0;
        Optional<PhraseRule> rule = matcher.firstMatch(text, provider.map(Provider::id).orElse(null), stages[i],
                replyClass, reply.status());
        return rule.isPresent() || reply.status() == null ? rule : statuses.reasonOf(reply.status());
    }

    /** {@code classify} on a reply parsed in setup: everything but parsing. */
    @Benchmark
    public Object classifyParsed() {
        int i = advance();
        return classifier.classify(replies[i], contexts[i]);
    }

    private int advance() {
        int i = next;
        next = i + 1 == texts.length ? 0 : i + 1;
        return i;
    }
}
