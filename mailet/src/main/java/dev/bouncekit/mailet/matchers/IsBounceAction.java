package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.BounceAttributes;
import dev.bouncekit.taxonomy.Action;
import org.apache.mailet.Mail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches bounces whose suggested action is one of the listed ones, e.g.
 * {@code match="dev.bouncekit.mailet.matchers.IsBounceAction=suppress,retry-then-suppress"}.
 * Actions: suppress, retry, retry-then-suppress, fix-sender, fix-message, review.
 */
public class IsBounceAction extends BounceMatcher {

    private Set<String> actions;

    @Override
    protected void configure(List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the condition lists no action; write e.g. IsBounceAction=suppress");
        }
        Set<String> ids = new LinkedHashSet<>();
        values.forEach(value -> ids.add(Action.fromId(value).id()));
        actions = Set.copyOf(ids);
    }

    @Override
    protected boolean accepts(Mail mail, BounceAttributes names) {
        return names.string(mail, names.action()).filter(actions::contains).isPresent();
    }

    @Override
    public String getMatcherInfo() {
        return "IsBounceAction: matches bounces whose suggested bouncekit action is one of the listed ones";
    }
}
