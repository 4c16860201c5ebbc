package dev.bouncekit.provider;

import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.Classification;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The providers' own tables, as their files carry them: what a vendor code or a provider's wording
 * means when the reply comes from that provider (Sisimai 4.25's Rhost tables where they agree with
 * the provider's documentation).
 */
class ProviderTablesTest {

    private final BounceClassifier classifier = BounceClassifier.builtIn();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mx3.email.ua                            | 550 5.7.1 Rejected, see http://mail.i.ua/err/1     | NORELAYING
            mx3.email.ua                            | 550 5.7.1 Rejected, see http://mail.i.ua/err/3     | SUSPEND
            mx3.email.ua                            | 550 5.7.1 Rejected, see http://mail.i.ua/err/4     | MAILBOXFULL
            mx3.email.ua                            | 550 5.7.1 Rejected, see http://mail.i.ua/err/10    | FILTERED
            mx3.email.ua                            | 550 5.7.1 Повідомлення відхилено як спам. https://mail.i.ua/err/3/ | SPAMDETECTED
            example-com.mail.protection.outlook.com | 550 5.7.501 Access denied, banned sender           | REJECTED
            example-com.mail.protection.outlook.com | 550 5.7.511 Access denied, banned sender           | BLOCKED
            example-com.mail.protection.outlook.com | 550 5.1.4 Destination mailbox address ambiguous    | SYSTEMERROR
            example-com.mail.protection.outlook.com | 450 4.3.2 Service not active                       | SYSTEMERROR
            example-com.mail.protection.outlook.com | 550 5.7.1 Delivery not authorized                  | REJECTED
            aspmx.l.google.com                      | 501 5.5.4 HELO/EHLO argument is invalid            | BLOCKED
            eu-smtp-inbound-1.mimecast.com          | 421 Sender address blocked                         | BLOCKED
            smtp-in.orange.fr                       | 421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505] | SYSTEMERROR
            smtp-in.orange.fr                       | 554 5.7.1 Message contenant un virus. Message contains a virus. OFR_505 [505] | VIRUSDETECTED
            """)
    void a_providers_code_or_wording_means_what_its_table_says(String host, String reply, Reason expected) {
        Classification c = classifier.classify(reply, DeliveryContext.none().withRemoteHost(host));

        assertThat(c.reason()).as(reply).isEqualTo(expected);
    }
}
