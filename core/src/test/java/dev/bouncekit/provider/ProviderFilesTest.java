package dev.bouncekit.provider;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider files as they are in the source tree: listed, complete, and checked when read. */
class ProviderFilesTest {

    private static final Path DIRECTORY = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/main/resources/dev/bouncekit/providers");

    private static List<String> indexed() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(DIRECTORY.resolve("index.txt"), StandardCharsets.UTF_8)) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> onDisk() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.equals("index.txt"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<ProviderFile> parsed() throws IOException {
        List<ProviderFile> files = new ArrayList<>();
        for (String name : indexed()) {
            files.add(ProviderFile.parse(name, Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8)));
        }
        return files;
    }

    @Test
    void every_file_is_in_the_index_and_every_index_entry_is_a_file() throws IOException {
        List<String> index = indexed();

        assertThat(Files.isDirectory(DIRECTORY)).as(DIRECTORY.toString()).isTrue();
        assertThat(index).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(index)).isEqualTo(onDisk());
    }

    @Test
    void the_source_files_are_the_ones_on_the_class_path_in_index_order() throws IOException {
        assertThat(ProviderFiles.builtIn().stream().map(ProviderFile::fileName).toList()).isEqualTo(indexed());
    }

    @Test
    void every_provider_has_a_name_and_a_way_to_be_recognised() throws IOException {
        for (ProviderFile file : parsed()) {
            Provider p = file.provider();
            assertThat(p.name()).as(file.fileName()).isNotBlank();
            assertThat(p.textMarkers().size() + p.hostSuffixes().size() + p.domains().size())
                    .as(file.fileName() + " needs a text marker, a host suffix or a mailbox domain").isPositive();
            assertThat(p.textMarkers()).as(file.fileName()).allSatisfy(m -> assertThat(m).isNotBlank());
        }
    }

    @Test
    void no_text_marker_is_claimed_by_two_providers() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (ProviderFile file : parsed()) {
            for (String marker : file.provider().textMarkers()) {
                String earlier = owner.putIfAbsent(marker, file.provider().id());
                if (earlier != null && !earlier.equals(file.provider().id())) {
                    clashes.add("'" + marker + "': " + earlier + " and " + file.provider().id());
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void no_mailbox_domain_or_host_suffix_is_claimed_by_two_providers() throws IOException {
        Map<String, String> domains = new HashMap<>();
        Map<String, String> hosts = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (ProviderFile file : parsed()) {
            String id = file.provider().id();
            for (String domain : file.provider().domains()) {
                String earlier = domains.putIfAbsent(domain, id);
                if (earlier != null && !earlier.equals(id)) {
                    clashes.add("domain " + domain + ": " + earlier + " and " + id);
                }
            }
            for (String suffix : file.provider().hostSuffixes()) {
                String key = suffix.startsWith(".") ? suffix.substring(1) : suffix;
                String earlier = hosts.putIfAbsent(key, id);
                if (earlier != null && !earlier.equals(id)) {
                    clashes.add("host " + suffix + ": " + earlier + " and " + id);
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void an_unknown_section_fails_with_file_and_line() {
        assertThatThrownBy(() -> ProviderFile.parse("acme.provider", "[provider]\nname: Acme\n\n[markers]\nx\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("acme.provider:4:")
                .hasMessageContaining("[markers]");
    }

    @Test
    void an_unknown_reason_fails_with_file_and_line() {
        assertThatThrownBy(() -> ProviderFile.parse("acme.provider", "[provider]\nname: Acme\n[codes]\n5.7.1 nosuchreason\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("acme.provider:4:")
                .hasMessageContaining("nosuchreason");
    }

    @Test
    void a_code_that_is_not_an_enhanced_status_code_fails_with_file_and_line() {
        for (String code : List.of("550", "5.7", "6.1.1", "X.Y.Z", "5.1.1.1")) {
            assertThatThrownBy(() -> ProviderFile.parse("acme.provider", "[provider]\nname: Acme\n\n[codes]\n# a comment\n"
                    + code + " blocked\n"))
                    .as(code)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("acme.provider:6:");
        }
    }

    @Test
    void a_catalog_id_of_another_provider_fails_with_file_and_line() {
        String content = "[provider]\nname: Acme\ntext: acme\n\n[catalog]\nid: gmail/user-unknown\nstage: RCPT\n";
        assertThatThrownBy(() -> ProviderFile.parse("acme.provider", content))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("acme.provider:6:")
                .hasMessageContaining("gmail/user-unknown");
    }

    @Test
    void a_good_file_is_read() {
        ProviderFile file = ProviderFile.parse("acme.provider", """
                # Acme Mail
                [provider]
                name: Acme Mail
                text: acme-mx | Acme  Help
                host: .acme.example
                domain: acme.example

                [phrases]
                mailbox frozen => suspend

                [codes]
                X.7.26 authfailure
                4.7.650 badreputation
                """);

        assertThat(file.provider().id()).isEqualTo("acme");
        assertThat(file.provider().textMarkers()).containsExactly("acme-mx", "acme help");
        assertThat(file.codes()).containsOnlyKeys("X.7.26", "4.7.650");
        assertThat(file.phrases()).contains("[acme]", "mailbox frozen => suspend");
    }
}
