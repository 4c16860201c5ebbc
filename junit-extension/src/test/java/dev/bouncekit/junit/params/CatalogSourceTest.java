package dev.bouncekit.junit.params;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.classify.BounceClassifier;
import dev.bouncekit.classify.DeliveryContext;
import dev.bouncekit.junit.fixtures.CatalogSourceFixture;
import dev.bouncekit.junit.fixtures.RunByTestKitOnly;
import dev.bouncekit.receiver.MagicAddresses;
import dev.bouncekit.reply.SmtpStage;
import dev.bouncekit.taxonomy.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.bouncekit.junit.assertions.BounceAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** {@link CatalogSource} feeds the catalog entries its filters select, with their magic addresses. */
class CatalogSourceTest {

    private static final Set<String> GMAIL_HARD = ConcurrentHashMap.newKeySet();

    @ParameterizedTest
    @CatalogSource(provider = "gmail", hard = Hard.TRUE)
    void feeds_the_entries_of_a_provider_that_are_hard_bounces(CatalogEntry entry, String magicAddress) {
        assertThat(entry.provider()).isEqualTo("gmail");
        assertThat(entry.hard()).isTrue();
        assertThat(magicAddress).isEqualTo(MagicAddresses.address(entry.id()));
        GMAIL_HARD.add(entry.id());
    }

    @AfterAll
    static void every_gmail_hard_bounce_was_fed() {
        assertThat(GMAIL_HARD).containsExactlyInAnyOrderElementsOf(Catalog.builtIn().byProvider("gmail").stream()
                .filter(CatalogEntry::hard).map(CatalogEntry::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CatalogSource(reason = {Reason.USERUNKNOWN, Reason.MAILBOXFULL}, stage = SmtpStage.RCPT, failure = Failure.PERMANENT)
    void filters_combine(CatalogEntry entry, TestInfo info) {
        assertThat(entry.reason()).isIn(Reason.USERUNKNOWN, Reason.MAILBOXFULL);
        assertThat(entry.stage()).isEqualTo(SmtpStage.RCPT);
        assertThat(entry.code()).isGreaterThanOrEqualTo(500);
        assertThat(info.getDisplayName()).isEqualTo(entry.id());
    }

    private static final Set<String> TEMPORARY = ConcurrentHashMap.newKeySet();

    @ParameterizedTest(name = "{0}")
    @CatalogSource(failure = Failure.TEMPORARY)
    void feeds_only_temporary_failures_when_asked(CatalogEntry entry) {
        assertThat(entry.code()).isBetween(400, 499);
        TEMPORARY.add(entry.id());
    }

    @AfterAll
    static void every_temporary_failure_was_fed() {
        assertThat(TEMPORARY).isNotEmpty().containsExactlyInAnyOrderElementsOf(Catalog.builtIn().entries().stream()
                .filter(e -> e.code() < 500).map(CatalogEntry::id).toList());
    }

    @ParameterizedTest
    @CatalogSource(ids = {"gmail/user-unknown", "generic/greylisted"}, domain = "example.com")
    void feeds_entries_by_id_with_magic_addresses_at_a_domain(CatalogEntry entry, String magicAddress) {
        assertThat(magicAddress).endsWith("@example.com").startsWith(entry.id().replace('/', '.'));
    }

    @ParameterizedTest
    @CatalogSource
    void every_catalog_entry_is_classified_as_the_catalog_expects(CatalogEntry entry) {
        assertThat(BounceClassifier.builtIn().classify(entry.joined(), DeliveryContext.at(entry.stage())))
                .matchesCatalogEntry(entry);
    }

    @Test
    void a_filter_that_matches_nothing_or_names_unknown_values_fails_saying_so() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RunByTestKitOnly.PARAMETER, "true")
                .selectors(selectClass(CatalogSourceFixture.class))
                .execute()
                .containerEvents().assertThatEvents()
                .haveExactly(1, event(container("nothing_matches"), finishedWithFailure(message(m ->
                        m.startsWith("@CatalogSource matches no catalog entry: provider=[gmail] reason=[VIRUSDETECTED]")
                                && m.contains("; providers are ") && m.contains("gmail, ")))))
                .haveExactly(1, event(container("unknown_provider"), finishedWithFailure(message(m ->
                        m.startsWith("@CatalogSource: unknown provider 'gmial'; known providers are ")))))
                .haveExactly(1, event(container("unknown_id"), finishedWithFailure(message(
                        "@CatalogSource: unknown catalog id 'gmail/no-such-entry'; ids look like gmail/user-unknown"))))
                .haveExactly(1, event(container("not_a_domain"), finishedWithFailure(message(m ->
                        m.startsWith("@CatalogSource(domain = ...): not a domain name: 'not a domain'; give labels of")))))
                .haveExactly(1, event(container("empty_domain"), finishedWithFailure(message(m ->
                        m.startsWith("@CatalogSource(domain = ...): not a domain name: ''")))));
    }
}
