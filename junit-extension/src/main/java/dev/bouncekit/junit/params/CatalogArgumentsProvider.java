package dev.bouncekit.junit.params;

import dev.bouncekit.catalog.Catalog;
import dev.bouncekit.catalog.CatalogEntry;
import dev.bouncekit.receiver.MagicAddresses;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.AnnotationBasedArgumentsProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.platform.commons.PreconditionViolationException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The arguments of {@link CatalogSource}: the matching catalog entries, each followed by its magic
 * address when the method's second parameter is a {@code String}, so that other parameters
 * ({@code FakeReceiver}, {@code TestInfo}) stay free for their own resolvers.
 *
 * <p>It implements the {@code provideArguments(ExtensionContext, A)} of JUnit 5.12, which 5.13 and 6.0
 * deprecate but still call, and reads the method's parameters itself: 5.13's
 * {@code ParameterDeclarations} is not there on 5.12, the JUnit that Spring Boot 3.5 manages.
 */
final class CatalogArgumentsProvider extends AnnotationBasedArgumentsProvider<CatalogSource> {

    @Override
    @SuppressWarnings("deprecation")   // the one method of JUnit 5.12, 5.13 and 6.0 alike
    protected Stream<? extends Arguments> provideArguments(ExtensionContext context, CatalogSource source) {
        List<CatalogEntry> all = Catalog.builtIn().entries();
        checkKnown(source, all);
        List<CatalogEntry> matching = all.stream().filter(e -> matches(source, e)).toList();
        if (matching.isEmpty()) {
            throw new PreconditionViolationException("@CatalogSource matches no catalog entry: " + describe(source)
                    + "; providers are " + known(all.stream().map(CatalogEntry::provider)));
        }
        Class<?>[] parameters = context.getRequiredTestMethod().getParameterTypes();
        boolean withAddress = parameters.length > 1 && parameters[1] == String.class;
        if (withAddress) {
            try {
                MagicAddresses.address(matching.get(0).id(), source.domain());
            } catch (IllegalArgumentException e) {
                throw new PreconditionViolationException("@CatalogSource(domain = ...): " + e.getMessage());
            }
        }
        return matching.stream().map(e -> withAddress
                ? Arguments.of(Named.of(e.id(), e), MagicAddresses.address(e.id(), source.domain()))
                : Arguments.of(Named.of(e.id(), e)));
    }

    static boolean matches(CatalogSource source, CatalogEntry entry) {
        return (source.ids().length == 0 || Arrays.stream(source.ids()).anyMatch(id -> id.equalsIgnoreCase(entry.id())))
                && (source.provider().length == 0
                || Arrays.stream(source.provider()).anyMatch(p -> p.equalsIgnoreCase(entry.provider())))
                && (source.reason().length == 0 || Arrays.asList(source.reason()).contains(entry.reason()))
                && (source.stage().length == 0 || Arrays.asList(source.stage()).contains(entry.stage()))
                && (source.hard() == Hard.ANY || (source.hard() == Hard.TRUE) == entry.hard())
                && (source.failure() == Failure.ANY || (source.failure() == Failure.PERMANENT) == (entry.code() >= 500));
    }

    private static void checkKnown(CatalogSource source, List<CatalogEntry> all) {
        Set<String> ids = all.stream().map(CatalogEntry::id).collect(Collectors.toSet());
        for (String id : source.ids()) {
            if (!ids.contains(id.toLowerCase(Locale.ROOT))) {
                throw new PreconditionViolationException("@CatalogSource: unknown catalog id '" + id
                        + "'; ids look like gmail/user-unknown");
            }
        }
        Set<String> providers = all.stream().map(CatalogEntry::provider).collect(Collectors.toSet());
        for (String provider : source.provider()) {
            if (!providers.contains(provider.toLowerCase(Locale.ROOT))) {
                throw new PreconditionViolationException("@CatalogSource: unknown provider '" + provider
                        + "'; known providers are " + known(providers.stream()));
            }
        }
    }

    private static String describe(CatalogSource source) {
        StringBuilder out = new StringBuilder();
        if (source.ids().length > 0) {
            out.append("ids=").append(Arrays.toString(source.ids())).append(' ');
        }
        if (source.provider().length > 0) {
            out.append("provider=").append(Arrays.toString(source.provider())).append(' ');
        }
        if (source.reason().length > 0) {
            out.append("reason=").append(Arrays.toString(source.reason())).append(' ');
        }
        if (source.stage().length > 0) {
            out.append("stage=").append(Arrays.toString(source.stage())).append(' ');
        }
        out.append("hard=").append(source.hard()).append(" failure=").append(source.failure());
        return out.toString();
    }

    private static String known(Stream<String> values) {
        return String.join(", ", values.collect(Collectors.toCollection(TreeSet::new)));
    }
}
