package dev.bouncekit.cli;

import dev.bouncekit.receiver.FakeReceiver;
import dev.bouncekit.server.http.ReceiverHttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bouncekit gate} against a real fake receiver and its HTTP API on a free port. */
class GateCommandTest {

    private FakeReceiver receiver;
    private ReceiverHttpApi http;

    private record Run(int status, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        receiver = FakeReceiver.builder().build().start();
        http = ReceiverHttpApi.start(receiver, 0);
    }

    @AfterEach
    void stop() {
        http.close();
        receiver.close();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BouncekitCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** {@code serve} prints its API as {@code http://127.0.0.1:8025/api/v1}; given that, gate asks the same server. */
    @Test
    void the_address_of_the_api_as_serve_shows_it_is_taken_too() {
        String server = "http://127.0.0.1:" + http.port();
        for (String url : new String[] {server, server + "/", server + "/api/v1", server + "/api/v1/", server + "/api"}) {
            Run run = run("gate", "--url", url);

            assertThat(run.status()).as(url + ": " + run.err()).isZero();
            assertThat(run.out()).as(url).startsWith("Release gate PASSED");
        }
    }
}
