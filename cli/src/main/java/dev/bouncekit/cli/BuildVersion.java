package dev.bouncekit.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What {@code bouncekit -V} prints: the version of the build, which Maven writes from the POM. */
public final class BuildVersion implements CommandLine.IVersionProvider {

    private static final String RESOURCE = "version.properties";

    /** The version of this build, such as {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " next to " + BuildVersion.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bouncekit " + version()};
    }
}
