package dev.bouncekit.suppression.mailet;

import com.codahale.metrics.MetricRegistry;
import dev.bouncekit.mailet.Bounces;
import dev.bouncekit.mailet.ClassifyBounce;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.apache.james.server.core.JamesServerResourceLoader;
import org.apache.james.server.core.filesystem.FileSystemImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * What James gives the mailets, made of James's own classes: its FileSystem rooted in a working
 * directory, its Dropwizard metrics, and ClassifyBounce to put a real verdict on a bounce.
 */
final class JamesParts {

    final MetricRegistry registry = new MetricRegistry();
    final DropWizardMetricFactory metrics = new DropWizardMetricFactory(registry);
    final FileSystem fileSystem;
    private final ClassifyBounce classifier = new ClassifyBounce();

    JamesParts(Path workingDirectory) throws Exception {
        fileSystem = new FileSystemImpl(new JamesServerResourceLoader(workingDirectory.toString()));
        classifier.init(FakeMailetConfig.builder().mailetName("ClassifyBounce").build());
    }

    /** A bounce of {@code deliveryError} for {@code recipients}, classified by ClassifyBounce. */
    Mail classifiedBounce(String deliveryError, String... recipients) throws Exception {
        Mail mail = Bounces.bounce(deliveryError, recipients);
        classifier.service(mail);
        return mail;
    }

    /** The count of James metric {@code name}, read through James's MetricFactory. */
    long count(String name) {
        return metrics.generate(name).getCount();
    }

    SuppressRecipients suppressRecipients(FakeMailetConfig.Builder config) throws Exception {
        SuppressRecipients mailet = new SuppressRecipients(fileSystem, metrics);
        mailet.init(config.mailetName("SuppressRecipients").build());
        return mailet;
    }

    IsSuppressed isSuppressed(String condition, LongSupplier nanoTime) throws Exception {
        IsSuppressed matcher = new IsSuppressed(fileSystem, metrics, Clock.systemUTC(), nanoTime);
        matcher.init(FakeMatcherConfig.builder().matcherName("IsSuppressed").condition(condition).build());
        return matcher;
    }
}
