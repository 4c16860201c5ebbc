package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.BounceAttributes;
import dev.bouncekit.taxonomy.Reason;
import org.apache.mailet.Mail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches bounces classified with one of the listed reasons, e.g.
 * {@code match="dev.bouncekit.mailet.matchers.IsBounceReason=userunknown,hostunknown"}.
 * Reasons use the Sisimai 5.5 names; pre-5.5 names such as {@code mesgtoobig} are accepted.
 */
public class IsBounceReason extends BounceMatcher {

    private Set<String> reasons;

    @Override
    protected void configure(List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the condition lists no reason; write e.g. IsBounceReason=userunknown,hostunknown");
        }
        Set<String> ids = new LinkedHashSet<>();
        values.forEach(value -> ids.add(Reason.fromId(value).id()));
        reasons = Set.copyOf(ids);
    }

    @Override
    protected boolean accepts(Mail mail, BounceAttributes names) {
        return names.string(mail, names.reason()).filter(reasons::contains).isPresent();
    }

    @Override
    public String getMatcherInfo() {
        return "IsBounceReason: matches bounces classified with one of the listed bouncekit reasons";
    }
}
