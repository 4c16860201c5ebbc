package dev.bouncekit.sample;

import java.time.Duration;
import java.util.List;

/**
 * Sends one email from the command line and prints what became of each recipient:
 * {@code SampleApp HOST PORT FROM TO...}. Try it against {@code bouncekit serve} with magic
 * addresses such as {@code gmail.user-unknown@bouncekit.test}.
 */
public final class SampleApp {

    private SampleApp() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: SampleApp HOST PORT FROM TO...");
            System.exit(2);
        }
        Mailer mailer = new Mailer(SmtpSettings.of(args[0], Integer.parseInt(args[1])), new SuppressionList(),
                new RetryPolicy(3, Duration.ofSeconds(1)));
        DeliveryReport report = mailer.send(new Email(args[2], List.of(args).subList(3, args.length),
                "Hello from the bouncekit sample", "This message was sent by the bouncekit sample application."));
        report.delivered().forEach(a -> System.out.println("delivered  " + a));
        report.bounced().forEach((a, c) -> System.out.println("bounced    " + a + "  " + c.reason().id() + ", " + c.action().id()));
        report.deferred().forEach((a, c) -> System.out.println("deferred   " + a + "  " + c.reason().id()));
    }
}
