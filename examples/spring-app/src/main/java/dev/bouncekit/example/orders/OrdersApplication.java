package dev.bouncekit.example.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** A shop's mail side: order confirmations through Spring's {@code JavaMailSender}, retried on a schedule. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class OrdersApplication {

    /** Runs the application. */
    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
