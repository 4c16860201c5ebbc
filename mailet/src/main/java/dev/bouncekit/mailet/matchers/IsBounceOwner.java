package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.BounceAttributes;
import dev.bouncekit.taxonomy.Owner;
import org.apache.mailet.Mail;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches bounces whose owner, who must act, is one of the listed ones, e.g.
 * {@code match="dev.bouncekit.mailet.matchers.IsBounceOwner=sender"}.
 * Owners: recipient, sender, message, transient, unknown.
 */
public class IsBounceOwner extends BounceMatcher {

    private Set<String> owners;

    @Override
    protected void configure(List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the condition lists no owner; write e.g. IsBounceOwner=sender");
        }
        Set<String> ids = new LinkedHashSet<>();
        values.forEach(value -> ids.add(Owner.fromId(value).id()));
        owners = Set.copyOf(ids);
    }

    @Override
    protected boolean accepts(Mail mail, BounceAttributes names) {
        return names.string(mail, names.owner()).filter(owners::contains).isPresent();
    }

    @Override
    public String getMatcherInfo() {
        return "IsBounceOwner: matches bounces whose bouncekit owner is one of the listed ones";
    }
}
