package dev.bouncekit.suppression;

import dev.bouncekit.suppression.file.JournalFileStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class JournalFileStoreContractTest extends SuppressionStoreContract {

    @TempDir
    Path dir;

    @Override
    SuppressionStore openNew() {
        return SuppressionStores.open(dir.resolve("var/bouncekit/suppressions.journal").toString());
    }

    @Override
    SuppressionStore reopen() {
        return JournalFileStore.open(dir.resolve("var/bouncekit/suppressions.journal"));
    }
}
