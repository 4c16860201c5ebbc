package dev.bouncekit.bench.accuracy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sisimai's text matcher in one long-running perl process: {@code bench/sisimai-match.pl}, which
 * reads one JSON line {@code {"id","reply"}} and answers one line {@code id<TAB>reason} with the
 * reason in Sisimai 5.5 names ({@code undefined} when Sisimai finds none). Rows are sent one at a
 * time and each answer is checked against the id sent, so the two sides never drift apart.
 */
public final class SisimaiBridge implements AutoCloseable {

    private static final String BANNER = "# sisimai-match ";

    private final List<String> command;
    private final Process process;
    private final BufferedWriter toPerl;
    private final BufferedReader fromPerl;
    private final String version;
    private long sent;

    private SisimaiBridge(List<String> command, Process process, BufferedWriter toPerl, BufferedReader fromPerl,
                          String version) {
        this.command = command;
        this.process = process;
        this.toPerl = toPerl;
        this.fromPerl = fromPerl;
        this.version = version;
    }

    /**
     * Starts the bridge with {@code command} (e.g. {@code perl bench/sisimai-match.pl}) and waits for its
     * banner; perl's own errors go to this process's standard error.
     *
     * @throws IOException when perl cannot be started or the bridge stops before its banner (Sisimai
     *                     not installed)
     */
    public static SisimaiBridge start(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("cannot start the Sisimai bridge '" + String.join(" ", command) + "': "
                    + e.getMessage() + "; it needs perl and Debian's libsisimai-perl", e);
        }
        BufferedWriter toPerl = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        BufferedReader fromPerl = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String banner = fromPerl.readLine();
        if (banner == null || !banner.startsWith(BANNER)) {
            process.destroy();
            throw new IOException("the Sisimai bridge '" + String.join(" ", command) + "' did not start"
                    + (banner == null ? "" : " (it printed '" + banner + "')")
                    + "; is Sisimai installed? check with: perl -MSisimai -e1 (apt-get install libsisimai-perl)");
        }
        return new SisimaiBridge(List.copyOf(command), process, toPerl, fromPerl, banner.substring(BANNER.length()).trim());
    }

    /** What the bridge reports running, e.g. {@code Sisimai v4.25.15}. */
    public String version() {
        return version;
    }

    /**
     * Sisimai's reason for one reply text, in Sisimai 5.5 names; {@code undefined} when it finds none.
     *
     * @throws IOException when the bridge has stopped or answered out of step
     */
    public String reason(String reply) throws IOException {
        String id = Long.toString(++sent);
        toPerl.write("{\"id\":\"" + id + "\",\"reply\":" + jsonString(reply == null ? "" : reply) + "}\n");
        toPerl.flush();
        String answer = fromPerl.readLine();
        if (answer == null) {
            throw new IOException("the Sisimai bridge '" + String.join(" ", command) + "' stopped at row " + id);
        }
        int tab = answer.indexOf('\t');
        if (tab < 0 || !answer.substring(0, tab).equals(id)) {
            throw new IOException("the Sisimai bridge answered '" + answer + "' to row " + id + "; expected " + id
                    + "<TAB>reason");
        }
        String reason = answer.substring(tab + 1).trim();
        return reason.isEmpty() ? "undefined" : reason;
    }

    /** Closes perl's input and waits briefly for it to end. */
    @Override
    public void close() throws IOException {
        try {
            toPerl.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        } finally {
            fromPerl.close();
        }
    }

    /** {@code s} as a JSON string literal; characters outside ASCII are written as they are (UTF-8). */
    static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
