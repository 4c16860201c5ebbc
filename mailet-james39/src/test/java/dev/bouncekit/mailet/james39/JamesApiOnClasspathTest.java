package dev.bouncekit.mailet.james39;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guards the check itself: the mailet's tests here really run on the James 3.9 (jakarta.mail) API. */
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
}
