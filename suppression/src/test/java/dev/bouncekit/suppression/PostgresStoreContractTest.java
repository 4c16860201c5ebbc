package dev.bouncekit.suppression;

import dev.bouncekit.suppression.postgres.PostgresStore;
import dev.bouncekit.suppression.testing.PostgresExtension;
import dev.bouncekit.suppression.testing.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresStoreContractTest extends SuppressionStoreContract {

    private static PostgresServer server;
    private String url;

    @BeforeAll
    static void server(PostgresServer running) {
        server = running;
    }

    @Override
    SuppressionStore openNew() {
        url = server.newDatabase();
        return SuppressionStores.open(url);
    }

    @Override
    SuppressionStore reopen() {
        return PostgresStore.open(url);
    }
}
