package dev.bouncekit.mailet;

import ch.qos.logback.classic.Level;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.bouncekit.mailet.Bounces.DELIVERY_ERROR;
import static dev.bouncekit.mailet.Bounces.DELIVERY_ERROR_CODE;
import static dev.bouncekit.mailet.Bounces.GMAIL_USER_UNKNOWN;
import static dev.bouncekit.mailet.Bounces.PERMANENT;
import static dev.bouncekit.mailet.Bounces.RETRIES;
import static dev.bouncekit.mailet.Bounces.SPAMHAUS_CLIENT;
import static dev.bouncekit.mailet.Bounces.TOO_MANY_RETRIES;
import static dev.bouncekit.mailet.Bounces.attribute;
import static dev.bouncekit.mailet.Bounces.bounce;
import static dev.bouncekit.mailet.Bounces.builder;
import static dev.bouncekit.mailet.Bounces.strings;
import static dev.bouncekit.mailet.Bounces.value;
import static org.assertj.core.api.Assertions.assertThat;

class ClassifyBounceTest {

    private final ClassifyBounce mailet = new ClassifyBounce();

    @BeforeEach
    void init() throws Exception {
        mailet.init(FakeMailetConfig.builder().mailetName("ClassifyBounce").build());
    }

    @Test
    void gmail_user_unknown_becomes_typed_attributes() throws Exception {
        Mail mail = bounce(GMAIL_USER_UNKNOWN, "bob@gmail.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
        assertThat(value(mail, "bouncekit.hard")).contains(Boolean.TRUE);
        assertThat(value(mail, "bouncekit.owner")).contains("recipient");
        assertThat(value(mail, "bouncekit.action")).contains("suppress");
        assertThat(value(mail, "bouncekit.provider")).contains("gmail");
        assertThat(value(mail, "bouncekit.code")).contains(550);
        assertThat(value(mail, "bouncekit.status")).contains("5.1.1");
        assertThat(value(mail, "bouncekit.rule")).contains("catalog:gmail/user-unknown");
        assertThat(value(mail, "bouncekit.evidence")).contains("catalog");
        assertThat(value(mail, "bouncekit.recipient")).contains("bob@gmail.com");
        assertThat(value(mail, "bouncekit.unknown-recipients")).isEmpty();
    }

    @Test
    void a_spamhaus_block_is_the_senders_to_fix_and_not_hard() throws Exception {
        Mail mail = bounce(SPAMHAUS_CLIENT, "carol@contoso.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("blocked");
        assertThat(value(mail, "bouncekit.hard")).contains(Boolean.FALSE);
        assertThat(value(mail, "bouncekit.owner")).contains("sender");
        assertThat(value(mail, "bouncekit.action")).contains("fix-sender");
        assertThat(value(mail, "bouncekit.status")).contains("5.7.1");
    }

    @Test
    void the_too_many_retries_text_is_expired_with_no_code_or_status() throws Exception {
        Mail mail = builder("dave@example.org")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of(TOO_MANY_RETRIES)))
                .attribute(attribute(PERMANENT, AttributeValue.of(false)))
                .attribute(attribute(RETRIES, AttributeValue.of(3)))
                .build();

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("expired");
        assertThat(value(mail, "bouncekit.owner")).contains("transient");
        assertThat(value(mail, "bouncekit.action")).contains("review");
        assertThat(value(mail, "bouncekit.hard")).contains(Boolean.FALSE);
        assertThat(value(mail, "bouncekit.code")).isEmpty();
        assertThat(value(mail, "bouncekit.status")).isEmpty();
    }

    @Test
    void a_connection_failure_is_a_network_error() throws Exception {
        Mail mail = bounce("Connection refused", "erin@example.org");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("networkerror");
        assertThat(value(mail, "bouncekit.action")).contains("retry");
    }

    /**
     * A failure without any SMTP reply, in the words RemoteDelivery's transport leaves: the message of
     * the exception that JavaMail 1.6.2 (James 3.8.1's) nests, which James's {@code Bouncer} keeps as it
     * is ({@code getErrorMsg}), or JavaMail's own when nothing is nested. Each is routed by its cause on a
     * phrase, never sent to review as weak evidence.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (certificate_unknown) PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target | failedstarttls | sender    | fix-sender
            Can't verify identity of server: 192.0.2.25                                                                                                                           | failedstarttls | sender    | fix-sender
            (protocol_version) Received fatal alert: protocol_version                                                                                                            | failedstarttls | sender    | fix-sender
            Connection reset                                                                                                                                                      | networkerror   | transient | retry
            Broken pipe                                                                                                                                                           | networkerror   | transient | retry
            Exception reading response                                                                                                                                            | networkerror   | transient | retry
            [EOF]                                                                                                                                                                 | networkerror   | transient | retry
            Read timed out                                                                                                                                                        | expired        | transient | review
            """)
    void a_failure_without_a_reply_is_routed_by_the_transports_own_words(String text, String reason, String owner,
                                                                         String action) throws Exception {
        Mail mail = bounce(text, "grace@example.org");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains(reason);
        assertThat(value(mail, "bouncekit.owner")).contains(owner);
        assertThat(value(mail, "bouncekit.action")).contains(action);
        assertThat(value(mail, "bouncekit.hard")).contains(Boolean.FALSE);
        assertThat(value(mail, "bouncekit.evidence")).contains("phrase");
        assertThat(value(mail, "bouncekit.code")).isEmpty();
    }

    @Test
    void the_code_remote_delivery_saw_is_used_when_the_text_has_none() throws Exception {
        Mail mail = builder("frank@example.org")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of("5.2.2 Mailbox full")))
                .attribute(attribute(DELIVERY_ERROR_CODE, AttributeValue.of(552)))
                .build();

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.code")).contains(552);
        assertThat(value(mail, "bouncekit.reason")).contains("mailboxfull");
    }

    @Test
    void the_code_remote_delivery_saw_is_used_when_a_dsn_shaped_text_has_none() throws Exception {
        Mail mail = builder("frank@example.org")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of("Status: 5.1.1\nDiagnostic-Code: smtp; User unknown")))
                .attribute(attribute(DELIVERY_ERROR_CODE, AttributeValue.of(550)))
                .build();

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.code")).contains(550);
        assertThat(value(mail, "bouncekit.status")).contains("5.1.1");
        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
    }

    @Test
    void the_code_remote_delivery_saw_is_used_for_james_own_wording() throws Exception {
        Mail mail = builder("frank@example.org")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of("Reporting-MTA: dns; mx.example.org\n"
                        + "Diagnostic-Code: X-Postfix; host mx.example.org[192.0.2.1] said: mailbox unavailable")))
                .attribute(attribute(DELIVERY_ERROR_CODE, AttributeValue.of(550)))
                .build();

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.code")).contains(550);
    }

    @Test
    void the_code_in_the_text_wins_over_the_250_that_sendpartial_leaves() throws Exception {
        Mail mail = builder("bob@gmail.com")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of(GMAIL_USER_UNKNOWN)))
                .attribute(attribute(DELIVERY_ERROR_CODE, AttributeValue.of(250)))
                .build();

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.code")).contains(550);
        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
    }

    @Test
    void the_provider_comes_from_the_recipient_domain_when_the_text_does_not_tell() throws Exception {
        Mail mail = bounce("550 5.1.1 User unknown", "gina@gmail.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.provider")).contains("gmail");
    }

    @Test
    void a_reply_that_names_one_of_several_recipients_is_about_that_one_only() throws Exception {
        Mail mail = bounce("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
                "alice@example.com", "bob@example.com", "carol@example.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.recipient")).contains("bob@example.com");
        assertThat(strings(mail, "bouncekit.unknown-recipients")).containsExactly("alice@example.com", "carol@example.com");
    }

    @Test
    void a_recipient_reason_that_names_nobody_leaves_every_recipient_unknown() throws Exception {
        Mail mail = bounce(GMAIL_USER_UNKNOWN, "alice@gmail.com", "bob@gmail.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("userunknown");
        assertThat(value(mail, "bouncekit.recipient")).isEmpty();
        assertThat(strings(mail, "bouncekit.unknown-recipients")).containsExactly("alice@gmail.com", "bob@gmail.com");
    }

    @Test
    void a_reply_that_names_another_mailbox_of_the_domain_is_not_about_this_recipient() throws Exception {
        Mail mail = bounce("452 4.2.2 <full@example.com>: Recipient address rejected: Mailbox full", "ghost@example.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("mailboxfull");
        assertThat(value(mail, "bouncekit.recipient")).isEmpty();
        assertThat(strings(mail, "bouncekit.unknown-recipients")).containsExactly("ghost@example.com");
    }

    @Test
    void a_4xx_reply_on_a_bounce_is_another_recipients_and_leaves_the_bounced_one_unknown() throws Exception {
        // sendpartial=true, ghost refused with a 550 and busy with a 452 in one transaction: RemoteDelivery
        // bounces ghost at once with the first refusal of the transaction, here busy's, and retries busy.
        Mail mail = bounce("452 4.2.2 Mailbox full, try again later", "ghost@example.org");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("mailboxfull");
        assertThat(value(mail, "bouncekit.recipient")).isEmpty();
        assertThat(strings(mail, "bouncekit.unknown-recipients")).containsExactly("ghost@example.org");
    }

    @Test
    void a_reply_whose_code_is_not_the_one_remote_delivery_saw_is_about_a_recipient_it_names_only() throws Exception {
        // sendpartial=true, ghost refused at RCPT with a 550, reader accepted, then the message refused at
        // DATA with a 554: RemoteDelivery bounces reader with code 554 and the text of ghost's RCPT refusal.
        Mail reader = builder("reader@example.net")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of("550 5.1.1 User unknown")))
                .attribute(attribute(DELIVERY_ERROR_CODE, AttributeValue.of(554)))
                .build();
        Mail ghost = builder("ghost@example.net")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of("550 5.1.1 <ghost@example.net>: User unknown")))
                .attribute(attribute(DELIVERY_ERROR_CODE, AttributeValue.of(554)))
                .build();

        mailet.service(reader);
        mailet.service(ghost);

        assertThat(value(reader, "bouncekit.reason")).contains("userunknown");
        assertThat(value(reader, "bouncekit.recipient")).isEmpty();
        assertThat(strings(reader, "bouncekit.unknown-recipients")).containsExactly("reader@example.net");
        assertThat(value(ghost, "bouncekit.recipient")).contains("ghost@example.net");
        assertThat(value(ghost, "bouncekit.unknown-recipients")).isEmpty();
    }

    @Test
    void an_address_at_another_domain_in_the_reply_does_not_move_the_verdict_away() throws Exception {
        Mail mail = bounce("550 spam message rejected. Please visit http://help.mail.ru/notspam-support or report details"
                + " to abuse@corp.mail.ru.", "reader@mail.ru");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.recipient")).contains("reader@mail.ru");
        assertThat(value(mail, "bouncekit.unknown-recipients")).isEmpty();
    }

    @Test
    void a_sender_reason_is_about_every_recipient() throws Exception {
        Mail mail = bounce(SPAMHAUS_CLIENT, "alice@example.com", "bob@example.com");

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.recipient")).isEmpty();
        assertThat(value(mail, "bouncekit.unknown-recipients")).isEmpty();
    }

    @Test
    void a_configured_prefix_names_every_attribute() throws Exception {
        ClassifyBounce prefixed = new ClassifyBounce();
        prefixed.init(FakeMailetConfig.builder().setProperty("prefix", "acme.bounce.").build());
        Mail mail = bounce(GMAIL_USER_UNKNOWN, "bob@gmail.com");

        prefixed.service(mail);

        assertThat(value(mail, "acme.bounce.reason")).contains("userunknown");
        assertThat(value(mail, "acme.bounce.hard")).contains(Boolean.TRUE);
        assertThat(value(mail, "acme.bounce.recipient")).contains("bob@gmail.com");
        assertThat(mail.attributeNames().map(AttributeName::asString)).noneMatch(name -> name.startsWith("bouncekit."));
    }

    @Test
    void a_second_classification_replaces_the_first_without_leftovers() throws Exception {
        Mail mail = bounce(GMAIL_USER_UNKNOWN, "bob@gmail.com");
        mailet.service(mail);
        mail.setAttribute(attribute(DELIVERY_ERROR, AttributeValue.of(TOO_MANY_RETRIES)));
        mail.setAttribute(attribute(AttributeName.of("bouncekit.unknown-recipients"), AttributeValue.of("stale")));

        mailet.service(mail);

        assertThat(value(mail, "bouncekit.reason")).contains("expired");
        assertThat(value(mail, "bouncekit.code")).isEmpty();
        assertThat(value(mail, "bouncekit.status")).isEmpty();
        assertThat(value(mail, "bouncekit.unknown-recipients")).isEmpty();
    }

    @Test
    void nothing_but_its_own_attributes_changes_on_the_mail() throws Exception {
        FakeMail mail = builder("alice@example.com", "bob@example.com")
                .state("bounces")
                .errorMessage("kept")
                .attribute(attribute(DELIVERY_ERROR, AttributeValue.of(GMAIL_USER_UNKNOWN)))
                .attribute(attribute(AttributeName.of("other"), AttributeValue.of("untouched")))
                .build();

        mailet.service(mail);

        assertThat(mail.getName()).isEqualTo("bounce-1");
        assertThat(mail.getState()).isEqualTo("bounces");
        assertThat(mail.getErrorMessage()).isEqualTo("kept");
        assertThat(mail.getMaybeSender().asString()).isEqualTo("sender@example.org");
        assertThat(Bounces.asStrings(mail.getRecipients())).containsExactly("alice@example.com", "bob@example.com");
        assertThat(value(mail, "delivery-error")).contains(GMAIL_USER_UNKNOWN);
        assertThat(value(mail, "other")).contains("untouched");
        assertThat(mail.attributeNames().map(AttributeName::asString))
                .allMatch(name -> name.startsWith("bouncekit.") || name.equals("delivery-error") || name.equals("other"));
    }

    @Test
    void each_classified_bounce_gives_one_info_line_with_reason_provider_domain_and_status() throws Exception {
        try (CapturedLog log = CapturedLog.of(ClassifyBounce.class)) {
            mailet.service(bounce(GMAIL_USER_UNKNOWN, "bob@gmail.com"));

            assertThat(log.at(Level.INFO)).singleElement().asString()
                    .contains("bounce-1", "reason=userunknown", "provider=gmail", "recipient-domain=gmail.com", "status=5.1.1");
            assertThat(log.at(Level.WARN)).isEmpty();
        }
    }

    @Test
    void its_info_names_what_it_does() {
        assertThat(mailet.getMailetInfo()).contains("ClassifyBounce");
    }
}
