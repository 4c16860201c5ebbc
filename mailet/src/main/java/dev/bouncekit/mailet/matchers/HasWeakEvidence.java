package dev.bouncekit.mailet.matchers;

import dev.bouncekit.classify.Evidence;
import dev.bouncekit.mailet.BounceAttributes;
import org.apache.mailet.Mail;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Matches bounces whose verdict rests on weak evidence: a single keyword, only the status class or
 * stage, or nothing at all ({@code onhold}). Send them to review rather than acting on them:
 * {@code match="dev.bouncekit.mailet.matchers.HasWeakEvidence"}; the condition is empty or only
 * {@code prefix=P}.
 */
public class HasWeakEvidence extends BounceMatcher {

    private static final Set<String> WEAK = Stream.of(Evidence.values())
            .filter(Evidence::isWeak).map(Evidence::id).collect(Collectors.toUnmodifiableSet());

    @Override
    protected void configure(List<String> values) {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("takes no values, only an optional prefix=<attribute prefix>; got " + values);
        }
    }

    @Override
    protected boolean accepts(Mail mail, BounceAttributes names) {
        return names.string(mail, names.evidence()).filter(WEAK::contains).isPresent();
    }

    @Override
    public String getMatcherInfo() {
        return "HasWeakEvidence: matches bounces bouncekit classified on a keyword, a fallback or nothing";
    }
}
