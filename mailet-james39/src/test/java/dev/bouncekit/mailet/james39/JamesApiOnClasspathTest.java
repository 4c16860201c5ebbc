package dev.bouncekit.mailet.james39;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guards the check itself: the tests of the mailet and of the suppression mailet and matchers really run
 * on the James 3.9 (jakarta.mail) API.
 */
class JamesApiOnClasspathTest {

    @Test
    void the_mailet_api_on_the_classpath_is_the_jakarta_one() throws Exception {
        Class<?>[] thrown = GenericMailet.class.getMethod("service", Mail.class).getExceptionTypes();

        assertThat(Arrays.stream(thrown).map(Class::getName)).containsExactly("jakarta.mail.MessagingException");
    }

    @Test
    void javax_mail_is_not_on_the_classpath() {
        assertThatThrownBy(() -> Class.forName("javax.mail.MessagingException"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void the_mailet_classes_are_the_ones_built_against_james_3_8() throws Exception {
        String location = Class.forName("dev.bouncekit.mailet.ClassifyBounce")
                .getProtectionDomain().getCodeSource().getLocation().toString();

        assertThat(location).containsAnyOf("/mailet/target/", "bouncekit-mailet-");
        assertThat(location).doesNotContain("mailet-james39");
    }

    @Test
    void the_suppression_classes_are_the_ones_built_against_james_3_8() throws Exception {
        String location = location("dev.bouncekit.suppression.mailet.SuppressRecipients");

        assertThat(location).containsAnyOf("/suppression/target/", "bouncekit-suppression-");
        assertThat(location).doesNotContain("mailet-james39");
    }

    @Test
    void the_james_parts_the_suppression_mailet_links_to_are_those_of_james_3_9() throws Exception {
        for (String james : new String[] {
                "org.apache.mailet.base.GenericMatcher",
                "org.apache.james.metrics.api.MetricFactory",
                "org.apache.james.metrics.dropwizard.DropWizardMetricFactory",
                "org.apache.james.filesystem.api.FileSystem",
                "org.apache.james.server.core.filesystem.FileSystemImpl"}) {
            assertThat(location(james)).as(james).contains("/3.9.0/");
        }
    }

    private static String location(String className) throws ClassNotFoundException {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toString();
    }
}
