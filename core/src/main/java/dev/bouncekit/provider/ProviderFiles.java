package dev.bouncekit.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in provider files ({@code /dev/bouncekit/providers/*.provider}), in the order their
 * index names them: one file a provider, read once.
 */
public final class ProviderFiles {

    private static final String DIRECTORY = "/dev/bouncekit/providers/";
    private static final List<ProviderFile> BUILT_IN = load();
    private static final java.util.Map<String, ProviderFile> BY_ID = byIdMap();

    private ProviderFiles() {
    }

    /** Every built-in provider file, in index order (earlier files' text markers win). */
    public static List<ProviderFile> builtIn() {
        return BUILT_IN;
    }

    /** The built-in file of provider {@code id}. */
    public static Optional<ProviderFile> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id));
    }

    private static java.util.Map<String, ProviderFile> byIdMap() {
        java.util.Map<String, ProviderFile> out = new java.util.HashMap<>();
        for (ProviderFile file : BUILT_IN) {
            out.put(file.provider().id(), file);
        }
        return java.util.Map.copyOf(out);
    }

    private static List<ProviderFile> load() {
        List<ProviderFile> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int number = 0;
        for (String line : read("index.txt").split("\n")) {
            number++;
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!seen.add(name)) {
                throw new IllegalStateException("providers/index.txt:" + number + ": " + name + " is listed twice");
            }
            files.add(ProviderFile.parse(name, read(name)));
        }
        return List.copyOf(files);
    }

    private static String read(String name) {
        InputStream in = ProviderFiles.class.getResourceAsStream(DIRECTORY + name);
        if (in == null) {
            throw new IllegalStateException("provider data missing from the class path: " + DIRECTORY + name);
        }
        StringBuilder out = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
