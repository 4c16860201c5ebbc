package dev.bouncekit.spring.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest Boot application: whatever Boot auto-configures from the test class path, mail included. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MailTestApplication {
}
