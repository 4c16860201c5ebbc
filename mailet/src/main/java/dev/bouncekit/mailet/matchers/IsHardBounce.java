package dev.bouncekit.mailet.matchers;

import dev.bouncekit.mailet.BounceAttributes;
import org.apache.mailet.Mail;

import java.util.List;

/**
 * Matches hard bounces: the address itself is bad (userunknown, hostunknown, hasmoved; notaccept
 * when permanent). {@code match="dev.bouncekit.mailet.matchers.IsHardBounce"}; the condition is
 * empty or only {@code prefix=P}.
 */
public class IsHardBounce extends BounceMatcher {

    @Override
    protected void configure(List<String> values) {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("takes no values, only an optional prefix=<attribute prefix>; got " + values);
        }
    }

    @Override
    protected boolean accepts(Mail mail, BounceAttributes names) {
        return names.bool(mail, names.hard()).orElse(false);
    }

    @Override
    public String getMatcherInfo() {
        return "IsHardBounce: matches bounces bouncekit classified as hard";
    }
}
