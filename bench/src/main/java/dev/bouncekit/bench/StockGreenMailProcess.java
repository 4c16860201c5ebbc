package dev.bouncekit.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Stock GreenMail as a process of its own, for the comparison with smtp-sink and
 * {@code bouncekit serve}: prints {@code port N} once listening, empties its mailboxes and prints
 * {@code cleared} for each {@code clear} line on standard input, and stops at the end of input.
 */
public final class StockGreenMailProcess {

    private StockGreenMailProcess() {
    }

    /** Entry point; no arguments. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (StockGreenMail greenMail = StockGreenMail.start()) {
            System.out.println("port " + greenMail.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.equals("clear")) {
                    greenMail.clearMail();
                    System.out.println("cleared");
                    System.out.flush();
                }
            }
        }
    }
}
