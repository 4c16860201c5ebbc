package dev.bouncekit.classify;

import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.rules.RuleSet;
import dev.bouncekit.status.EnhancedStatusCode;
import dev.bouncekit.taxonomy.Action;
import dev.bouncekit.taxonomy.Owner;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class BounceClassifierTest {

    private final BounceClassifier classifier = BounceClassifier.builtIn();

    @Test
    void user_unknown_is_hard_recipient_owned_and_suppressed() {
        Classification c = classifier.classify("550 5.1.1 <ghost@example.net>: Recipient address rejected: User unknown");

        assertThat(c.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.hard()).isTrue();
        assertThat(c.owner()).isEqualTo(Owner.RECIPIENT);
        assertThat(c.action()).isEqualTo(Action.SUPPRESS);
        assertThat(c.code()).isEqualTo(550);
        assertThat(c.status()).hasToString("5.1.1");
        assertThat(c.addresses()).containsExactly("ghost@example.net");
        assertThat(c.rule()).startsWith("phrase:");
    }

    @Test
    void the_words_of_an_address_are_not_read_as_what_the_server_said() {
        Classification user = classifier.classify("550 5.1.1 <dmarc-reports@example.net>: Recipient address rejected: User unknown");
        Classification delay = classifier.classify("Delivery to the following recipient has been delayed: quota-team@example.net");
        Classification spam = classifier.classify("554 5.7.1 <ratelimit@example.net>: Message rejected as spam");

        assertThat(user.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(delay.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(spam.reason()).isEqualTo(Reason.SPAMDETECTED);
        assertThat(user.addresses()).containsExactly("dmarc-reports@example.net");
    }

    @Test
    void the_words_of_a_host_name_are_not_read_as_what_the_server_said() {
        Classification lf = classifier.classify("521 5.5.2 spamfilter.mail.example.net Error: bare <LF> received");
        Classification unknown = classifier.classify(
                "550 5.1.1 <info@example.org>: Recipient address rejected: User unknown (mx.quota.example.net)");
        Classification refused = classifier.classify(
                "554 mailguard-virus.example.co.uk ESMTP not accepting messages", DeliveryContext.at(SmtpStage.CONNECT));
        Classification gmail = classifier.classify("550-5.1.1 The email account that you tried to reach does not exist. "
                + "Learn more at https://support.google.com/mail/?p=NoSuchUser a1si2345.171 - gsmtp");

        assertThat(lf.reason()).isEqualTo(Reason.SYNTAXERROR);
        assertThat(unknown.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(refused.reason()).isNotEqualTo(Reason.VIRUSDETECTED).isEqualTo(classifier.classify(
                "554 mx.example.co.uk ESMTP not accepting messages", DeliveryContext.at(SmtpStage.CONNECT)).reason());
        assertThat(gmail.provider()).isEqualTo("gmail");
    }

    @Test
    void a_status_code_that_names_the_cause_of_a_symptom_phrase_decides_as_the_cause() {
        Classification named = classifier.classify("450 4.7.25 Client host rejected: try again later");
        Classification unnamed = classifier.classify("450 4.7.1 Client host rejected: try again later");

        assertThat(named.reason()).isEqualTo(Reason.REQUIREPTR);
        assertThat(named.rule()).isEqualTo("status:4.7.25+cause");
        assertThat(named.evidence()).isEqualTo(Evidence.STATUS_CODE);
        assertThat(unnamed.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(unnamed.evidence()).isEqualTo(Evidence.PHRASE);
    }

    @Test
    void an_unavailable_mailbox_that_names_a_missing_ptr_record_is_the_sending_hosts_fault() {
        Classification ptr = classifier.classify(
                "550 Requested action not taken: mailbox unavailable (invalid DNS PTR resource record, IP=192.0.2.1)");
        Classification plain = classifier.classify("550 Requested action not taken: mailbox unavailable", DeliveryContext.at(SmtpStage.RCPT));

        assertThat(ptr.reason()).isEqualTo(Reason.REQUIREPTR);
        assertThat(ptr.rule()).endsWith("+cause");
        assertThat(plain.reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void an_unknown_address_whose_domain_the_reply_names_as_missing_is_an_unknown_host() {
        Classification coded = classifier.classify("550 5.1.2 <a@b.example>: Recipient address rejected: undeliverable address");
        Classification mailbox = classifier.classify("550 5.1.1 <a@b.example>: Recipient address rejected: undeliverable address");
        Classification provider = classifier.classify("550 5.1.2 invalid X.400 address",
                DeliveryContext.none().withRemoteHost("example-com.mail.protection.outlook.com"));

        assertThat(coded.reason()).isEqualTo(Reason.HOSTUNKNOWN);
        assertThat(coded.rule()).isEqualTo("status:5.1.2+cause");
        assertThat(mailbox.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(provider.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(provider.evidence()).isEqualTo(Evidence.PROVIDER_PHRASE);
    }

    @Test
    void an_expiry_status_waits_for_the_network_words_of_the_reply() {
        Classification read = classifier.classify("451 4.4.1 <someone@example.org> read error");
        Classification bare = classifier.classify("451 4.4.1 <someone@example.org>");

        assertThat(read.reason()).isEqualTo(Reason.NETWORKERROR);
        assertThat(read.evidence()).isEqualTo(Evidence.KEYWORD);
        assertThat(bare.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(bare.rule()).isEqualTo("status:4.4.1");
    }

    @Test
    void a_greeting_refused_to_postfix_is_read_by_its_own_words_before_the_refusal_but_spam_names_the_host() {
        Classification busy = classifier.classify("host mx.example.org[192.0.2.1] refused to talk to me: 421 trop de tentatives, revenez");
        Classification spam = classifier.classify("host mx.example.org[192.0.2.1] refused to talk to me: 421 junk source");
        Classification plain = classifier.classify("host mx.example.org[192.0.2.1] refused to talk to me: 421 not now");

        assertThat(busy.reason()).isEqualTo(Reason.RATELIMITED);
        assertThat(busy.evidence()).isEqualTo(Evidence.KEYWORD);
        assertThat(spam.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(plain.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(plain.evidence()).isEqualTo(Evidence.KEYWORD);
    }

    @Test
    void a_connection_event_or_a_syntax_word_is_read_before_the_command_it_names() {
        Classification closed = classifier.classify("peer closed connection after MAIL FROM");
        Classification syntax = classifier.classify("bad syntax near MAIL FROM argument");

        assertThat(closed.reason()).isEqualTo(Reason.NETWORKERROR);
        assertThat(closed.evidence()).isEqualTo(Evidence.KEYWORD);
        assertThat(syntax.reason()).isEqualTo(Reason.SYNTAXERROR);
        assertThat(syntax.evidence()).isEqualTo(Evidence.KEYWORD);
    }

    @Test
    void a_retry_summary_gives_way_to_the_network_cause_it_names_but_a_final_expiry_does_not() {
        Classification named = classifier.classify("Message could not be delivered for 3 days: unable to connect to the remote host");
        Classification unnamed = classifier.classify("Message could not be delivered for 3 days");
        Classification expired = classifier.classify("550 5.4.300 Message expired: unable to connect to the remote host");

        assertThat(named.reason()).isEqualTo(Reason.NETWORKERROR);
        assertThat(named.rule()).startsWith("keyword:").endsWith("+cause");
        assertThat(unnamed.reason()).isEqualTo(Reason.EXPIRED);
        assertThat(expired.reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void a_local_programs_exit_status_is_a_mailer_error_unless_it_names_another_cause() {
        assertThat(classifier.classify("Diagnostic-Code: X-Unix; 75").reason()).isEqualTo(Reason.MAILERERROR);
        assertThat(classifier.classify("Diagnostic-Code: X-Unix; mailbox quota exceeded").reason()).isEqualTo(Reason.MAILBOXFULL);
    }

    @Test
    void a_suspended_sending_account_is_the_senders_not_the_recipients() {
        Classification sending = classifier.classify("550 5.7.1 Your account has been disabled for sending mail");
        Classification receiving = classifier.classify("550 5.2.1 Mailbox disabled, not accepting messages");

        assertThat(sending.reason()).isEqualTo(Reason.REJECTED);
        assertThat(sending.owner()).isEqualTo(Owner.SENDER);
        assertThat(receiving.reason()).isEqualTo(Reason.SUSPEND);
        assertThat(receiving.owner()).isEqualTo(Owner.RECIPIENT);
    }

    @Test
    void content_restrictions_are_a_policy_unless_they_name_spam() {
        assertThat(classifier.classify("554 Message rejected due to content restrictions").reason())
                .isEqualTo(Reason.POLICYVIOLATION);
        assertThat(classifier.classify("554 5.7.1 Reject due to content restrictions (spam)").reason())
                .isEqualTo(Reason.SPAMDETECTED);
    }

    @Test
    void a_disabled_mailbox_status_reads_as_sisimais_table_does() {
        Classification permanent = classifier.classify("550 5.2.1 <someone@example.org>");
        Classification temporary = classifier.classify("450 4.2.1 <someone@example.org>");

        assertThat(permanent.reason()).isEqualTo(Reason.FILTERED);
        assertThat(permanent.rule()).isEqualTo("status:5.2.1");
        assertThat(temporary.reason()).isEqualTo(Reason.SUSPEND);
    }

    @Test
    void a_filtered_status_waits_for_the_keywords_of_the_reasons_sisimai_tries_before_it() {
        Classification full = classifier.classify("550 5.2.0 <someone@example.org> quota");
        Classification disabled = classifier.classify("550 5.2.1 <someone@example.org> ist deaktiviert");
        Classification virus = classifier.classify("550 5.2.1 <someone@example.org> virus");

        assertThat(full.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(full.evidence()).isEqualTo(Evidence.KEYWORD);
        assertThat(disabled.reason()).isEqualTo(Reason.SUSPEND);
        assertThat(virus.reason()).isEqualTo(Reason.FILTERED);
        assertThat(virus.rule()).isEqualTo("status:5.2.1");
    }

    @Test
    void a_syntax_error_status_decides_only_when_no_keyword_does() {
        Classification tls = classifier.classify("530 5.5.1 <someone@example.org> no tls");
        Classification bare = classifier.classify("501 5.5.2 <someone@example.org>");

        assertThat(tls.reason()).isEqualTo(Reason.FAILEDSTARTTLS);
        assertThat(bare.reason()).isEqualTo(Reason.SYNTAXERROR);
        assertThat(bare.rule()).isEqualTo("status:5.5.2");
    }

    @Test
    void a_system_error_status_waits_for_unknown_user_keywords_and_the_stage_rule_follows() {
        String text = "553 5.3.0 <someone@example.org> recipient ist leider unknown";

        assertThat(classifier.classify(text, DeliveryContext.at(SmtpStage.RCPT)).reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(classifier.classify(text, DeliveryContext.at(SmtpStage.DATA)).reason()).isEqualTo(Reason.FILTERED);
        assertThat(classifier.classify("553 5.3.0 <someone@example.org> recipient ist leider",
                DeliveryContext.at(SmtpStage.RCPT)).reason()).isEqualTo(Reason.SYSTEMERROR);
    }

    @Test
    void a_retry_list_status_waits_for_the_keywords_of_its_causes_but_not_for_the_broader_families() {
        Classification tls = classifier.classify("454 4.7.5 <someone@example.org> certificate broken");
        Classification spf = classifier.classify("451 4.3.0 <someone@example.org> spf");
        Classification virus = classifier.classify("451 4.3.0 <someone@example.org> virus");

        assertThat(tls.reason()).isEqualTo(Reason.FAILEDSTARTTLS);
        assertThat(spf.reason()).isEqualTo(Reason.AUTHFAILURE);
        assertThat(virus.reason()).isEqualTo(Reason.SYSTEMERROR);
        assertThat(virus.rule()).isEqualTo("status:4.3.0");
    }

    @Test
    void a_retry_list_status_waits_for_a_full_mailbox_a_full_disk_and_a_failed_mailer_as_sisimais_second_pass_does() {
        Classification full = classifier.classify("452 4.3.0 <someone@example.org> quota");
        Classification disk = classifier.classify("451 4.3.0 <someone@example.org> disk full");
        Classification mailer = classifier.classify("554 5.3.0 <someone@example.org> maildrop said no");

        assertThat(full.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(disk.reason()).isEqualTo(Reason.SYSTEMFULL);
        assertThat(mailer.reason()).isEqualTo(Reason.MAILERERROR);
        assertThat(mailer.evidence()).isEqualTo(Evidence.KEYWORD);
    }

    @Test
    void a_not_accepting_status_waits_for_the_keywords_of_the_reasons_sisimai_tries_before_it() {
        Classification busy = classifier.classify("421 4.3.2 <someone@example.org> too many sessions");
        Classification bare = classifier.classify("421 4.3.2 <someone@example.org>");

        assertThat(busy.reason()).isEqualTo(Reason.RATELIMITED);
        assertThat(bare.reason()).isEqualTo(Reason.NOTACCEPT);
        assertThat(bare.rule()).isEqualTo("status:4.3.2");
    }

    @Test
    void an_unknown_host_status_gives_way_to_network_error_words_but_not_to_a_name_server_named_alone() {
        Classification looping = classifier.classify("554 5.4.4 <someone@example.org> records point in a loop");
        Classification named = classifier.classify("550 5.1.2 <someone@example.org> (Name server: example.org)");

        assertThat(looping.reason()).isEqualTo(Reason.NETWORKERROR);
        assertThat(named.reason()).isEqualTo(Reason.HOSTUNKNOWN);
        assertThat(named.rule()).isEqualTo("status:5.1.2");
    }

    @Test
    void an_unknown_user_status_waits_for_a_full_mailbox() {
        Classification full = classifier.classify("550 5.1.1 <someone@example.org> quota");
        Classification blocked = classifier.classify("550 5.1.1 <someone@example.org> blocked");

        assertThat(full.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(blocked.reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void the_last_fallbacks_follow_sisimais_order() {
        Classification media = classifier.classify("554 5.6.4 <someone@example.org>", DeliveryContext.at(SmtpStage.EHLO));
        Classification unrecognized = classifier.classify("500 <someone@example.org>", DeliveryContext.at(SmtpStage.EHLO));
        Classification closed = classifier.classify("421 <someone@example.org>", DeliveryContext.at(SmtpStage.EHLO));

        assertThat(media.reason()).isEqualTo(Reason.CONTENTERROR);
        assertThat(unrecognized.reason()).isEqualTo(Reason.SYNTAXERROR);
        assertThat(closed.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(closed.evidence()).isEqualTo(Evidence.FALLBACK);
    }

    @Test
    void reply_code_551_is_a_moved_mailbox_only_without_an_enhanced_status() {
        Classification bare = classifier.classify("551 <someone@example.org> go elsewhere");
        Classification coded = classifier.classify("551 5.7.1 <someone@example.org> not authorized");

        assertThat(bare.reason()).isEqualTo(Reason.HASMOVED);
        assertThat(coded.reason()).isEqualTo(Reason.SECURITYERROR);
    }

    @Test
    void keywords_in_the_lexicon_languages_decide_before_the_fallbacks_and_keep_unknown_users_unknown() {
        Classification italian = classifier.classify("550 Questo indirizzo è sconosciuto al sistema");
        Classification chinese = classifier.classify("554 5.7.1 该邮件被识别为垃圾");

        assertThat(italian.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(italian.rule()).startsWith("keyword:keywords-other-languages.rules:");
        assertThat(chinese.reason()).isEqualTo(Reason.SPAMDETECTED);
        assertThat(chinese.evidence()).isEqualTo(Evidence.KEYWORD);
    }

    @Test
    void the_stage_tells_filtered_from_user_unknown() {
        String text = "550 Unknown user someone@example.org";

        assertThat(classifier.classify(text, DeliveryContext.at(SmtpStage.RCPT)).reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(classifier.classify(text, DeliveryContext.at(SmtpStage.DATA)).reason()).isEqualTo(Reason.FILTERED);
    }

    @Test
    void user_unknown_wording_follows_sisimais_rule_when_nobody_reported_the_stage() {
        assertThat(classifier.classify("550 Unknown user someone@example.org").reason()).isEqualTo(Reason.FILTERED);
        assertThat(classifier.classify("550 5.1.1 Unknown user someone@example.org").reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(classifier.classify("550 5.2.0 Unknown user someone@example.org").reason()).isEqualTo(Reason.FILTERED);
        assertThat(classifier.classify("550 5.2.0 Unknown user", DeliveryContext.at(SmtpStage.RCPT)).reason())
                .isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void one_mail_systems_own_unknown_user_wording_is_userunknown_when_nobody_reported_the_stage() {
        Classification domino = classifier.classify("User j.weber@example.de not listed in Domino Directory");
        Classification postfixLocal = classifier.classify("unknown user: \"kai\"");
        Classification generic = classifier.classify("No such user j.weber@example.de");

        assertThat(domino.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(domino.rule()).startsWith("phrase:mta-messages.rules:");
        assertThat(postfixLocal.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(generic.reason()).isEqualTo(Reason.FILTERED);
    }

    @Test
    void a_reports_own_unknown_user_wording_is_userunknown_when_nobody_reported_the_stage() {
        Classification exim = classifier.classify("The following address(es) failed: someone@example.org no such user");
        Classification agent = classifier.classify("mail.local: no such user: someone");
        Classification postfix = classifier.classify("<someone@example.org>: no such user here");
        Classification quoted = classifier.classify(
                "<someone@example.org>: 192.0.2.7 failed after I sent the message. Remote host said: 550 No such user here");
        Classification bare = classifier.classify("No such user here");

        assertThat(exim.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(agent.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(postfix.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(quoted.reason()).isEqualTo(Reason.FILTERED);
        assertThat(bare.reason()).isEqualTo(Reason.FILTERED);
    }

    @Test
    void a_policy_block_that_names_the_envelope_sender_is_the_senders_and_one_that_names_the_ip_stays_a_block() {
        Classification sender = classifier.classify("550 5.7.1 The envelope sender was blocked by policy");
        Classification ip = classifier.classify("550 5.7.1 Sender IP 192.0.2.1 blocked by policy");

        assertThat(sender.reason()).isEqualTo(Reason.REJECTED);
        assertThat(sender.rule()).endsWith("+cause");
        assertThat(ip.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(ip.evidence()).isEqualTo(Evidence.PHRASE);
    }

    @Test
    void unknown_user_wording_with_a_status_sisimai_reads_as_suspended_is_a_suspended_account() {
        Classification temporary = classifier.classify("450 4.2.1 Unknown user someone@example.org",
                DeliveryContext.at(SmtpStage.RCPT));
        Classification disabled = classifier.classify("525 5.7.13 Unknown user someone@example.org");

        assertThat(temporary.reason()).isEqualTo(Reason.SUSPEND);
        assertThat(temporary.rule()).endsWith("+status");
        assertThat(disabled.reason()).isEqualTo(Reason.SUSPEND);
    }

    @Test
    void microsofts_x_1_10_names_an_unknown_recipient_for_the_stage_rule() {
        assertThat(classifier.classify("550 5.1.10 Unknown user someone@example.org").reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(classifier.classify("550 5.1.9 Unknown user someone@example.org").reason()).isEqualTo(Reason.FILTERED);
    }

    @Test
    void a_recipient_side_reason_with_a_sender_address_status_is_the_senders() {
        Classification syntax = classifier.classify("550 5.1.7 Invalid address");
        Classification recipient = classifier.classify("550 5.1.1 Invalid address");

        assertThat(syntax.reason()).isEqualTo(Reason.REJECTED);
        assertThat(syntax.owner()).isEqualTo(Owner.SENDER);
        assertThat(recipient.reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void qmails_lead_in_yields_to_the_reason_the_remote_host_gives() {
        Classification full = classifier.classify(
                "192.0.2.15 does not like recipient. Remote host said: 552 5.2.2 <a@example.org>: mailbox is full");

        assertThat(full.reason()).isEqualTo(Reason.MAILBOXFULL);
    }

    @Test
    void polish_czech_dutch_and_turkish_replies_are_read_by_their_own_lexicons() {
        Classification polish = classifier.classify("550 5.1.1 Nieznany odbiorca", DeliveryContext.at(SmtpStage.DATA));
        Classification czech = classifier.classify("452 4.2.2 Schránka příjemce je přeplněná");
        Classification dutch = classifier.classify("550 5.2.1 Het account van de ontvanger is uitgeschakeld");
        Classification turkish = classifier.classify("554 5.7.1 GÖNDEREN ADRESİ REDDEDİLDİ", DeliveryContext.at(SmtpStage.MAIL));

        assertThat(polish.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(polish.rule()).startsWith("phrase:lexicon-pl.rules:");
        assertThat(czech.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(czech.rule()).startsWith("phrase:lexicon-cs.rules:");
        assertThat(dutch.reason()).isEqualTo(Reason.SUSPEND);
        assertThat(dutch.rule()).startsWith("phrase:lexicon-nl.rules:");
        assertThat(turkish.reason()).isEqualTo(Reason.REJECTED);
        assertThat(turkish.rule()).startsWith("phrase:lexicon-tr.rules:");
    }

    @Test
    void a_recipient_side_reason_at_mail_from_is_the_senders() {
        Classification c = classifier.classify("550 5.1.1 mailbox unavailable", DeliveryContext.at(SmtpStage.MAIL));

        assertThat(c.reason()).isEqualTo(Reason.REJECTED);
        assertThat(c.owner()).isEqualTo(Owner.SENDER);
    }

    @Test
    void spamhaus_on_the_client_ip_is_blocked_and_on_the_mail_from_domain_rejected() {
        assertThat(classifier.classify("550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus.").reason())
                .isEqualTo(Reason.BLOCKED);
        assertThat(classifier.classify("550 5.7.1 Service unavailable, MailFrom domain is listed in Spamhaus. "
                + "(S8002) [AM0PR01.eop-nam02.prod.protection.outlook.com]").reason()).isEqualTo(Reason.REJECTED);
    }

    @Test
    void the_status_code_decides_when_no_phrase_does() {
        Classification c = classifier.classify("550 5.7.26 nope");

        assertThat(c.reason()).isEqualTo(Reason.AUTHFAILURE);
        assertThat(c.rule()).isEqualTo("status:5.7.26");
    }

    @Test
    void a_dsn_status_from_the_context_counts_when_the_text_has_none() {
        Classification c = classifier.classify("550 nope", DeliveryContext.none().withDsnStatus(EnhancedStatusCode.of("5.2.2")));

        assertThat(c.reason()).isEqualTo(Reason.MAILBOXFULL);
    }

    @Test
    void the_classification_shows_the_dsn_status_it_was_decided_on() {
        Classification c = classifier.classify("mailbox unavailable", DeliveryContext.none().withDsnStatus(EnhancedStatusCode.of("5.1.1")));

        assertThat(c.rule()).isEqualTo("status:5.1.1");
        assertThat(c.status()).hasToString("5.1.1");
        assertThat(c.permanent()).isEqualTo(c.hard()).isTrue();
        assertThat(c.code()).isNull();
        assertThat(c.reply().text()).isEqualTo("mailbox unavailable");
    }

    @Test
    void the_reply_s_own_status_comes_before_the_dsn_status_of_the_context() {
        Classification c = classifier.classify("452 4.2.2 mailbox full", DeliveryContext.none().withDsnStatus(EnhancedStatusCode.of("5.1.1")));

        assertThat(c.status()).hasToString("4.2.2");
        assertThat(c.permanent()).isFalse();
    }

    @Test
    void unexplained_5_7_is_a_security_error_and_unexplained_text_is_on_hold() {
        assertThat(classifier.classify("550 5.7.1 the weather is fine").reason()).isEqualTo(Reason.SECURITYERROR);
        assertThat(classifier.classify("550 the weather is fine").reason()).isEqualTo(Reason.ONHOLD);
    }

    @Test
    void a_vendor_status_code_names_its_provider_and_means_what_its_table_says() {
        Classification microsoft = classifier.classify("550 5.7.606 Access denied");
        Classification registry = classifier.classify("550 5.7.26 Access denied");

        assertThat(microsoft.provider()).isEqualTo("outlook");
        assertThat(microsoft.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(microsoft.rule()).isEqualTo("status:outlook:5.7.606");
        assertThat(registry.provider()).isNull();
        assertThat(registry.reason()).isEqualTo(Reason.AUTHFAILURE);
    }

    @Test
    void notaccept_is_hard_only_when_permanent() {
        Classification permanent = classifier.classify("550 5.1.10 domain has null MX");
        Classification temporary = classifier.classify("451 4.3.2 System not accepting network messages");

        assertThat(permanent.reason()).isEqualTo(Reason.NOTACCEPT);
        assertThat(permanent.hard()).isTrue();
        assertThat(permanent.action()).isEqualTo(Action.SUPPRESS);
        assertThat(temporary.reason()).isEqualTo(Reason.NOTACCEPT);
        assertThat(temporary.hard()).isFalse();
        assertThat(temporary.action()).isEqualTo(Action.RETRY);
    }

    @Test
    void the_recipient_a_bounce_names_gives_the_provider_when_nothing_else_does() {
        String exim = "SMTP error from remote mail server after RCPT TO:<m.bernard@gmail.com>: 550 5.1.1 user unknown";

        assertThat(classifier.classify(exim).provider()).isEqualTo("gmail");
        assertThat(classifier.classify(exim, DeliveryContext.none().withRecipient("x@yahoo.com")).provider()).isEqualTo("yahoo");
        assertThat(classifier.classify("SMTP error from remote mail server after RCPT TO:<m@example.org>: 550 5.1.1 user unknown")
                .provider()).isNull();
    }

    @Test
    void provider_is_detected_from_text_then_host_then_named_domains_then_recipient() {
        assertThat(classifier.classify("550 5.7.1 blocked - gsmtp").provider()).isEqualTo("gmail");
        assertThat(classifier.classify("550 nope", DeliveryContext.none().withRemoteHost("mx-eu.mail.am0.yahoodns.net")).provider())
                .isEqualTo("yahoo");
        assertThat(classifier.classify("550 5.1.1 <a@icloud.com>: user does not exist").provider()).isEqualTo("apple");
        assertThat(classifier.classify("550 nope", DeliveryContext.none().withRecipient("Someone <x@Outlook.com>")).provider())
                .isEqualTo("outlook");
        assertThat(classifier.classify("550 nope").provider()).isNull();
    }

    @Test
    void a_catalog_reply_not_worded_exactly_as_its_entry_is_read_for_its_own_provider_names() {
        Classification own = classifier.classify("550 permanent failure for one or more recipients (k.ito@example.org:blocked)");
        Classification other = classifier.classify("550 permanent failure for one or more recipients (k.ito@gmail.com:blocked)");

        assertThat(own.rule()).isEqualTo("catalog:barracuda/blocked");
        assertThat(own.provider()).isEqualTo("barracuda");
        assertThat(other.rule()).isEqualTo("catalog:barracuda/blocked");
        assertThat(other.provider()).isEqualTo("gmail");
    }

    @Test
    void provider_rules_apply_only_to_their_provider() throws IOException {
        BounceClassifier custom = BounceClassifier.withRules(
                RuleSet.parse("mine.rules", new StringReader("[gmail]\nfoo bar => mailboxfull\n")));

        assertThat(custom.classify("550 foo bar - gsmtp").reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(custom.classify("550 foo bar").reason()).isEqualTo(Reason.ONHOLD);
    }

    @Test
    void user_rules_come_before_the_built_in_ones() throws IOException {
        RuleSet mine = RuleSet.parse("mine.rules", new StringReader("user unknown => mailboxfull\n"));
        BounceClassifier custom = BounceClassifier.withRules(mine);

        Classification c = custom.classify("550 5.1.1 user unknown");

        assertThat(c.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(c.rule()).isEqualTo("phrase:mine.rules:1");
        assertThat(classifier.classify("550 5.1.1 user unknown").reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void a_user_rule_for_an_unknown_user_is_left_alone_by_the_stage_rule_but_not_at_mail_from() throws IOException {
        BounceClassifier custom = BounceClassifier.withRules(
                RuleSet.parse("mine.rules", new StringReader("mailbox is not here => userunknown\n")));

        Classification unreported = custom.classify("550 That mailbox is not here");
        Classification afterData = custom.classify("550 That mailbox is not here", DeliveryContext.at(SmtpStage.DATA));
        Classification atMail = custom.classify("550 That mailbox is not here", DeliveryContext.at(SmtpStage.MAIL));

        assertThat(unreported.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(unreported.rule()).isEqualTo("phrase:mine.rules:1");
        assertThat(afterData.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(atMail.reason()).isEqualTo(Reason.REJECTED);
        // the built-in wording of the same family stays under Sisimai's stage rule
        assertThat(custom.classify("550 User unknown").reason()).isEqualTo(Reason.FILTERED);
    }

    @Test
    void a_refusal_at_connection_that_quotes_no_reply_is_a_block_not_an_empty_text() {
        // Sisimai 4.25 Reason/Blocked.pm lists Exim's "smtp error from remote mail server after initial connection:"
        Classification c = classifier.classify("SMTP error from remote mail server after initial connection:");

        assertThat(c.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(c.rule()).isNotEqualTo("empty");
    }

    @Test
    void built_in_wording_that_decides_nothing_keeps_the_keywords_out_but_lets_the_status_code_decide() throws IOException {
        Classification coded = classifier.classify("451 4.4.3 Temporary failure");
        Classification meaningless = classifier.classify("450 4.0.0 Temporary failure");
        Classification uncoded = classifier.classify("Temporary failure (network)");
        BounceClassifier custom = BounceClassifier.withRules(
                RuleSet.parse("mine.rules", new StringReader("temporary failure => onhold\n")));

        assertThat(coded.reason()).isEqualTo(Reason.SYSTEMERROR);
        assertThat(coded.rule()).isEqualTo("status:4.4.3");
        assertThat(meaningless.reason()).isEqualTo(Reason.ONHOLD);
        assertThat(uncoded.reason()).isEqualTo(Reason.ONHOLD);
        assertThat(custom.classify("451 4.4.3 Temporary failure").reason()).isEqualTo(Reason.ONHOLD);
    }

    @Test
    void every_reason_has_an_owner_and_action_from_the_fixed_table() {
        assertThat(Reason.MAILERERROR.owner()).isEqualTo(Owner.RECIPIENT);
        assertThat(Reason.SUPPRESSED.owner()).isEqualTo(Owner.RECIPIENT);
        assertThat(Reason.FAILEDSTARTTLS.owner()).isEqualTo(Owner.SENDER);
        assertThat(Reason.SYNTAXERROR.owner()).isEqualTo(Owner.SENDER);
        assertThat(Reason.NOTCOMPLIANTRFC.owner()).isEqualTo(Owner.MESSAGE);
        assertThat(Reason.POLICYVIOLATION.owner()).isEqualTo(Owner.MESSAGE);
        assertThat(Reason.EXPIRED.owner()).isEqualTo(Owner.TRANSIENT);
        assertThat(Reason.ONHOLD.owner()).isEqualTo(Owner.UNKNOWN);
        assertThat(Reason.UNDEFINED.owner()).isEqualTo(Owner.UNKNOWN);
        assertThat(Reason.parse("mesgtoobig")).contains(Reason.EMAILTOOLARGE);
        assertThat(Reason.parse("speeding")).contains(Reason.RATELIMITED);
        assertThat(Action.RETRY_THEN_SUPPRESS.id()).isEqualTo("retry-then-suppress");
    }

    @Test
    void the_class_names_of_a_stack_trace_logged_with_the_reply_are_not_read() {
        String exception = "org.eclipse.angus.mail.smtp.SMTPSendFailedException: 550 5.7.1 Message refused";
        String trace = exception + "\n"
                + "\tat com.example.newsletter.SpamCheckedCampaign.run(SpamCheckedCampaign.java:42)\n"
                + "\t... 12 more\n"
                + "Caused by: com.example.VirusScanException: quota\n"
                + "\tSuppressed: com.example.MailboxFullWarning\n";

        String spamFrame = exception + "\n\tat com.example.newsletter.SpamCheckedCampaign.run(SpamCheckedCampaign.java:42)";

        assertThat(classifier.classify(spamFrame).reason()).isNotEqualTo(Reason.SPAMDETECTED);
        assertThat(classifier.classify(spamFrame)).isEqualTo(classifier.classify(exception));
        assertThat(classifier.classify(trace)).isEqualTo(classifier.classify(exception));
    }

    @Test
    void an_encoded_diagnostic_code_is_classified_by_its_decoded_words() {
        String plain = "Diagnostic-Code: smtp; 550 ユーザが存在しません";
        String encoded = "Diagnostic-Code: smtp; 550 =?ISO-2022-JP?B?GyRCJWYhPCU2JCxCODpfJDckXiQ7JHMbKEI=?=";
        String folded = "Diagnostic-Code: smtp; 550 =?UTF-8?B?44Om44O844K244GM?=\r\n =?UTF-8?B?5a2Y5Zyo44GX44G+44Gb44KT?=";

        assertThat(classifier.classify(plain).reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(classifier.classify(encoded)).isEqualTo(classifier.classify(plain));
        assertThat(classifier.classify(folded)).isEqualTo(classifier.classify(plain));
        assertThat(classifier.classify(encoded).reply().text()).isEqualTo("ユーザが存在しません");
    }
}
