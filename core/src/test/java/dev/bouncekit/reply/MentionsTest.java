package dev.bouncekit.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTest {

    @Test
    void addresses_ips_and_hosts_are_extracted_not_matched() {
        Mentions m = Mentions.in("550 5.1.1 <Ghost@Example.COM>: rejected by mx1.example.net [192.0.2.7]");

        assertThat(m.addresses()).containsExactly("ghost@example.com");
        assertThat(m.ipAddresses()).containsExactly("192.0.2.7");
        assertThat(m.hostNames()).contains("mx1.example.net");
        assertThat(m.addressDomains()).containsExactly("example.com");
    }

    @Test
    void unbalanced_brackets_and_at_signs_are_safe() {
        Mentions m = Mentions.in("<<<<@@@@a@b@c.d.e>>>> @ @. .@");

        assertThat(m.addresses()).containsExactly("b@c.d.e");
    }

    @Test
    void the_number_of_mentions_is_bounded() {
        Mentions m = Mentions.in("a@example.com ".repeat(10).replace("a@", "x@") + "u1@e.com u2@e.com ".repeat(100));

        assertThat(m.addresses().size()).isLessThanOrEqualTo(Mentions.LIMIT);
    }
}
