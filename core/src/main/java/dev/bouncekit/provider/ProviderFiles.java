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
import java.util.HashMap;
import java.util.Map;

/**
 * The built-in provider files ({@code /dev/bouncekit/providers/*.provider}), in the order their
 * index names them: one file a provider, read once.
 */
public final class ProviderFiles {

    private static final String DIRECTORY = "/dev/bouncekit/providers/";
    private static final List<ProviderFile> BUILT_IN = load();
    private static final Map<String, ProviderFile> BY_ID = byIdMap();
    /** Lowest detail number of a vendor's own status code: the IANA registry stops far below it. */
    private static final int VENDOR_DETAIL = 100;
    private static final Map<String, ProviderFile> BY_VENDOR_CODE = byVendorCodeMap();

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

    /**
     * The provider whose own status code {@code status} is: a code with a three-digit detail
     * (Microsoft's {@code 5.7.606}, {@code 4.4.316}) that exactly one provider file lists under
     * {@code [codes]}. Such codes name who answered as surely as its host name does.
     */
    public static Optional<ProviderFile> ownerOfVendorCode(dev.bouncekit.status.EnhancedStatusCode status) {
        if (status == null || status.detail() < VENDOR_DETAIL) {
            return Optional.empty();
        }
        ProviderFile exact = BY_VENDOR_CODE.get(status.toString());
        return Optional.ofNullable(exact != null ? exact : BY_VENDOR_CODE.get("X." + status.subject() + "." + status.detail()));
    }

    private static Map<String, ProviderFile> byVendorCodeMap() {
        Map<String, ProviderFile> out = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (ProviderFile file : BUILT_IN) {
            for (String code : file.codes().keySet()) {
                String detail = code.substring(code.lastIndexOf('.') + 1);
                if (detail.length() < 3 || Integer.parseInt(detail) < VENDOR_DETAIL) {
                    continue;
                }
                ProviderFile before = out.putIfAbsent(code, file);
                if (before != null && before != file) {
                    shared.add(code);
                }
            }
        }
        shared.forEach(out::remove);
        return Map.copyOf(out);
    }

    private static Map<String, ProviderFile> byIdMap() {
        Map<String, ProviderFile> out = new HashMap<>();
        for (ProviderFile file : BUILT_IN) {
            out.put(file.provider().id(), file);
        }
        return Map.copyOf(out);
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
