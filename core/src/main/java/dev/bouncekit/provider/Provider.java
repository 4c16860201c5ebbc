package dev.bouncekit.provider;

import java.util.List;

/**
 * A mailbox or filtering provider whose replies bouncekit knows, with the signs that identify it.
 *
 * @param id          lower-case id used in output, rules and catalog ids, e.g. {@code gmail}
 * @param name        display name, e.g. {@code Gmail / Google Workspace}
 * @param textMarkers lower-case fragments that only this provider's replies contain
 * @param hostSuffixes lower-case suffixes of the provider's MX host names
 * @param domains     mailbox domains the provider hosts
 */
public record Provider(String id, String name, List<String> textMarkers, List<String> hostSuffixes,
                       List<String> domains) {

    public Provider {
        textMarkers = List.copyOf(textMarkers);
        hostSuffixes = List.copyOf(hostSuffixes);
        domains = List.copyOf(domains);
    }
}
