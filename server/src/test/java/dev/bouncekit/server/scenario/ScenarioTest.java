package dev.bouncekit.server.scenario;

import dev.bouncekit.receiver.Condition;
import dev.bouncekit.receiver.ReplyRule;
import dev.bouncekit.reply.SmtpReply;
import dev.bouncekit.reply.SmtpStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ScenarioTest.class.getResource("/scenarios/" + name).toURI());
    }

    @Test
    void reads_the_documented_example_verbatim() throws Exception {
        List<ReplyRule> rules = Scenario.load(resource("issue-example.yaml")).rules();

        assertThat(rules).containsExactly(
                ReplyRule.when(Condition.recipient("ghost@gmail.com")).at(SmtpStage.RCPT).reply("gmail/user-unknown"),
                ReplyRule.when(Condition.recipientDomain("*.example.org")).at(SmtpStage.RCPT)
                        .replyWith(SmtpReply.of(451, "4.7.1", "Greylisted, try again later")).times(2),
                ReplyRule.when(Condition.sender("*@spammy.test")).at(SmtpStage.MAIL).reply("outlook/spamhaus-blocked"));
        assertThat(rules.get(2).catalogEntry().orElseThrow().id()).isEqualTo("outlook/spamhaus-client");
    }

    @Test
    void names_file_rule_and_field_of_a_rule_that_can_never_match() {
        assertThatThrownBy(() -> Scenario.load(resource("bad-stage.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("bad-stage.yaml: rule 3: field 'at': stage MAIL cannot match on recipient; use RCPT");
    }

    @Test
    void reads_every_field_and_text_as_a_list_of_lines() {
        Scenario scenario = Scenario.parse("s.yaml", String.join("\n",
                "rules:",
                "  - name: slow and gone",
                "    when: { helo: \"*.internal\" }",
                "    at: helo",
                "    reply: { code: 421, status: 4.7.0, text: [\"Too many connections\", \"Try later\"] }",
                "    disconnect: true",
                "    delay: 1.5s",
                "    times: 3",
                "  - when: any",
                "    at: DATA",
                "    accept: true",
                "    delay: 0.25m",
                "  - at: CONNECT",
                "    disconnect: true",
                "  - when: { sender: \"\" }",
                "    reply: generic/blocked-by-policy"));

        ReplyRule first = scenario.rules().get(0);
        assertThat(first.name()).isEqualTo("slow and gone");
        assertThat(first.stage()).isEqualTo(SmtpStage.EHLO);
        assertThat(first.wireLines()).containsExactly("421-4.7.0 Too many connections", "421 4.7.0 Try later");
        assertThat(first.closesConnection()).isTrue();
        assertThat(first.delay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(first.times()).isEqualTo(3);
        assertThat(scenario.rules().get(1).accepts()).isTrue();
        assertThat(scenario.rules().get(1).delay()).isEqualTo(Duration.ofSeconds(15));
        assertThat(scenario.rules().get(2).condition()).isEqualTo(Condition.any());
        assertThat(scenario.rules().get(3).stage()).isEqualTo(SmtpStage.MAIL);
        assertThat(scenario.rules().get(3).condition()).isEqualTo(Condition.sender(""));
    }

    @Test
    void json_written_for_the_api_reads_back_to_the_same_rules() throws Exception {
        Scenario original = Scenario.load(resource("issue-example.yaml"));
        List<ReplyRule> more = List.of(ReplyRule.when(Condition.any()).at(SmtpStage.DATA).accept().delay(Duration.ofMillis(1500)),
                ReplyRule.when(Condition.client("10.*")).at(SmtpStage.CONNECT).disconnectAfter421().named("busy"),
                ReplyRule.when(Condition.recipientDomain("gmail.com").and(Condition.helo("*.internal")))
                        .at(SmtpStage.RCPT).reply("gmail/user-unknown").thenDisconnect());
        List<ReplyRule> all = new ArrayList<>(original.rules());
        all.addAll(more);

        Scenario back = Scenario.parse("api", new Scenario(all).toJson());

        assertThat(back.rules()).isEqualTo(all);
    }

    @Test
    void several_keys_in_when_must_all_hold() {
        List<ReplyRule> rules = Scenario.parse("s.yaml", "rules: [ { when: { recipientDomain: gmail.com, helo: \"*.internal\" },"
                + " reply: gmail/user-unknown } ]").rules();
        assertThat(rules.get(0).condition())
                .isEqualTo(Condition.recipientDomain("gmail.com").and(Condition.helo("*.internal")));
        assertThat(rules.get(0).stage()).isEqualTo(SmtpStage.RCPT);
        assertThatThrownBy(() -> Scenario.parse("s.yaml", "rules: [ { when: { helo: x, sender: y@z.test }, at: EHLO, disconnect: true } ]"))
                .hasMessage("s.yaml: rule 1: field 'at': stage EHLO cannot match on helo and sender; use MAIL");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "rules: [ { when: { recipent: a@b.test }, at: RCPT, reply: generic/user-unknown } ]"
                    + "| s.yaml: rule 1: field 'when': unknown condition 'recipent'; expected one of client, helo, sender, senderDomain, recipient, recipientDomain",
            "rules: [ { at: RCPT, replied: generic/user-unknown } ]"
                    + "| s.yaml: rule 1: field 'replied': unknown field; expected one of name, when, at, reply, disconnect, accept, delay, times",
            "rules: [ { at: RCPT } ]| s.yaml: rule 1: field 'reply': a rule needs reply, disconnect: true or accept: true",
            "rules: [ { at: RCPTX, disconnect: true } ]| s.yaml: rule 1: field 'at': unknown stage 'RCPTX'; expected CONNECT, EHLO, MAIL, RCPT or DATA",
            "rules: [ { reply: gmail/nope } ]| s.yaml: rule 1: field 'reply': unknown catalog id 'gmail/nope'; ids look like gmail/user-unknown (list them with 'bouncekit catalog' or GET /api/catalog)",
            "rules: [ { at: RCPT, reply: { code: 250, text: ok } } ]| s.yaml: rule 1: field 'reply': code must be 4xx or 5xx, not 250 (a rule that lets mail through has accept: true)",
            "rules: [ { at: RCPT, reply: { code: 999, text: x } } ]| s.yaml: rule 1: field 'reply': code must be 4xx or 5xx, not 999",
            "rules: [ { at: RCPT, reply: { code: 550 } } ]| s.yaml: rule 1: field 'reply': a custom reply needs text: one line, or a list of lines",
            "rules: [ { at: RCPT, reply: { code: 550, status: \"4.1.1\", text: x } } ]| s.yaml: rule 1: field 'reply': status 4.1.1 does not match code 550; an enhanced status starts with the code's first digit (RFC 3463): 5.x.x",
            "rules: [ { at: RCPT, reply: { code: 451, status: \"5.7.1\", text: x } } ]| s.yaml: rule 1: field 'reply': status 5.7.1 does not match code 451; an enhanced status starts with the code's first digit (RFC 3463): 4.x.x",
            "rules: [ { at: RCPT, disconnect: true, delay: 5 } ]| s.yaml: rule 1: field 'delay': give a unit, e.g. 500ms, 1.5s, 5m, 1h or PT5M",
            "rules: [ { at: RCPT, disconnect: true, delay: soon } ]| s.yaml: rule 1: field 'delay': 'soon' is not a duration; use e.g. 500ms, 1.5s, 5m, 1h or PT5M",
            "rules: [ { at: RCPT, disconnect: true, delay: 1h } ]| s.yaml: rule 1: field 'delay': must be between 0 and 10 minutes, not 1h",
            "rules: [ { at: RCPT, disconnect: true, times: 0 } ]| s.yaml: rule 1: field 'times': must be a whole number of 1 or more, not 0",
            "rules: [ { at: RCPT, disconnect: true, times: 99999999999999 } ]| s.yaml: rule 1: field 'times': must be at most 2147483647, not 99999999999999",
            "rules: [ { at: RCPT, disconnect: true, times: 18446744073709551617 } ]| s.yaml: rule 1: field 'times': must be at most 2147483647, not 18446744073709551617",
            "rules: [ { at: RCPT, disconnect: true, times: -18446744073709551615 } ]| s.yaml: rule 1: field 'times': must be a whole number of 1 or more, not -18446744073709551615",
            "rules: [ { at: CONNECT, when: { helo: x }, disconnect: true } ]| s.yaml: rule 1: field 'at': stage CONNECT cannot match on helo; use EHLO",
            "rules: { at: RCPT }| s.yaml: field 'rules' must be a list of rules",
            "rulez: []| s.yaml: unknown top-level field 'rulez'; expected 'rules'",
            "- a list| s.yaml: expected a mapping with a 'rules:' list at the top",
    })
    void bad_scenarios_are_refused_with_a_clear_message(String yaml, String message) {
        assertThatThrownBy(() -> Scenario.parse("s.yaml", yaml)).isInstanceOf(ScenarioException.class).hasMessage(message);
    }

    /** YAML reads an unquoted no, yes, on, off as a boolean and 1.50 as a number: where text belongs, the message says so. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "rules: [ { at: RCPT, reply: { code: 550, text: no } } ]"
                    + "| field 'reply': text must be one line or a list of lines, but it was read as the boolean false"
                    + " (YAML reads an unquoted yes, no, on, off, true or false as one); put it in quotes",
            "rules: [ { at: RCPT, reply: { code: 550, text: On } } ]"
                    + "| field 'reply': text must be one line or a list of lines, but it was read as the boolean true"
                    + " (YAML reads an unquoted yes, no, on, off, true or false as one); put it in quotes",
            "rules: [ { at: RCPT, reply: { code: 550, text: 1.50 } } ]"
                    + "| field 'reply': text must be one line or a list of lines, but it was read as the number 1.5; put it in quotes",
            "rules: [ { at: RCPT, reply: { code: 550, text: [ Rejected, 0x1F ] } } ]"
                    + "| field 'reply': text lines must be text, but line 2 was read as the number 31; put it in quotes",
            "rules: [ { at: RCPT, reply: { code: 550, text: [ yes ] } } ]"
                    + "| field 'reply': text lines must be text, but line 1 was read as the boolean true"
                    + " (YAML reads an unquoted yes, no, on, off, true or false as one); put it in quotes",
            "rules: [ { at: RCPT, reply: { code: 550, status: 5.1, text: x } } ]"
                    + "| field 'reply': status must be text like \"5.1.1\", but it was read as the number 5.1; put it in quotes",
            "rules: [ { name: off, at: RCPT, reply: gmail/user-unknown } ]"
                    + "| field 'name': must be text, but it was read as the boolean false"
                    + " (YAML reads an unquoted yes, no, on, off, true or false as one); put it in quotes",
            "rules: [ { when: { helo: 12345 }, at: EHLO, disconnect: true } ]"
                    + "| field 'when': helo must be a text pattern, e.g. \"*@example.com\", but it was read as the number 12345;"
                    + " put it in quotes",
            "rules: [ { at: no, disconnect: true } ]"
                    + "| field 'at': expected CONNECT, EHLO, MAIL, RCPT or DATA, but it was read as the boolean false"
                    + " (YAML reads an unquoted yes, no, on, off, true or false as one)",
            "rules: [ { at: RCPT, reply: yes } ]"
                    + "| field 'reply': must be a catalog id (gmail/user-unknown) or {code, status, text}, but it was read as"
                    + " the boolean true (YAML reads an unquoted yes, no, on, off, true or false as one)",
    })
    void text_read_as_a_boolean_or_a_number_says_so(String yaml, String message) {
        assertThatThrownBy(() -> Scenario.parse("s.yaml", yaml)).isInstanceOf(ScenarioException.class)
                .hasMessage("s.yaml: rule 1: " + message);
    }

    @Test
    void quoted_yes_no_and_numbers_are_text_and_a_status_of_two_digits_is_read_as_written() {
        List<ReplyRule> rules = Scenario.parse("s.yaml", String.join("\n",
                "rules:",
                "  - at: RCPT",
                "    reply: { code: 550, status: 5.1.10, text: [\"no\", '1.50'] }")).rules();
        assertThat(rules.get(0).wireLines()).containsExactly("550-5.1.10 no", "550 5.1.10 1.50");
    }

    @Test
    void broken_yaml_and_json_say_where() {
        assertThatThrownBy(() -> Scenario.parse("s.yaml", "rules:\n  - when: { recipient: \"a\n"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("s.yaml: line ").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> Scenario.parse("body", "{\"rules\": [ }"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("body: line 1, column ").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Scenario.parse("s.yaml", "  "))
                .hasMessage("s.yaml: empty; expected a 'rules:' list");
    }

    /** A YAML syntax error says what is wrong where the parser found it, not only what it was reading. */
    @Test
    void broken_yaml_says_what_is_wrong() {
        assertThatThrownBy(() -> Scenario.parse("s.yaml", "rules:\n  - when: { recipient: \"x\"\n    at: RCPT\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("s.yaml: line 3, column 5: not valid YAML: expected ',' or '}', but got <scalar>"
                        + " (while parsing a flow mapping that starts at line 2, column 11)");
        assertThatThrownBy(() -> Scenario.parse("s.yaml", "rules:\n\t- at: RCPT\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("s.yaml: line 2, column 1: not valid YAML: found character '\\t(TAB)' that cannot start any token")
                .hasMessageContaining("Do not use \\t(TAB) for indentation");
    }

    /** A key written twice (two {@code when:} of a copy and paste) is refused where it is, not read as the last one. */
    @Test
    void a_key_given_twice_is_refused_with_its_line() {
        assertThatThrownBy(() -> Scenario.parse("s.yaml", "rules:\n  - when: { recipient: a@b.test }\n    at: RCPT\n"
                + "    reply: gmail/user-unknown\n    when: { recipient: c@d.test }\n"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("s.yaml: line 5, column ")
                .hasMessageContaining("'when' given twice");
        assertThatThrownBy(() -> Scenario.parse("body", "{\"rules\": [{\"at\": \"RCPT\", \"reply\": \"gmail/user-unknown\", "
                + "\"when\": {\"recipient\": \"a@b.test\"}, \"when\": {\"recipient\": \"c@d.test\"}}]}"))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("body: line 1, column ")
                .hasMessageContaining("'when' given twice");
        assertThatThrownBy(() -> Scenario.parse("s.yaml", "rules: []\nrules: []\n"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("'rules' given twice");
    }

    @Test
    void yaml_alias_bombs_are_refused() {
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = c;
        }
        bomb.append("rules: []\n");
        assertThatThrownBy(() -> Scenario.parse("bomb.yaml", bomb.toString())).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("bomb.yaml: ");
    }

    @Test
    void yaml_tags_cannot_load_classes_or_files() {
        assertThatThrownBy(() -> Scenario.parse("s.yaml",
                "rules: [ { at: RCPT, reply: !!javax.script.ScriptEngineManager [ !!java.net.URLClassLoader [[ !!java.net.URL [\"file:///etc/passwd\"] ]] ] } ]"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("s.yaml: line 1, column 29: YAML tags are not allowed (found !!javax.script.ScriptEngineManager); "
                        + "a scenario is plain data");
        assertThatThrownBy(() -> Scenario.load(Path.of("/no/such/scenario.yaml")))
                .isInstanceOf(ScenarioException.class).hasMessage("/no/such/scenario.yaml: no such file");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rules: [ { at: RCPT, reply: !!java.io.File generic/user-unknown } ]| !!java.io.File",
            "rules: [ { at: RCPT, reply: !!str generic/user-unknown } ]| !!str",
            "rules: !!java.util.ArrayList [ { at: RCPT, reply: generic/user-unknown } ]| !!java.util.ArrayList",
            "rules:\\n  - !include other-rules.yaml| !include",
            "rules: [ { at: RCPT, reply: !<tag:yaml.org,2002:java.lang.ProcessBuilder> [ touch ] } ]| !!java.lang.ProcessBuilder",
    })
    void any_yaml_tag_is_refused_even_where_it_would_be_harmless(String yaml, String tag) {
        assertThatThrownBy(() -> Scenario.parse("s.yaml", yaml.replace("\\n", "\n")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("s.yaml: line ")
                .hasMessageEndingWith("YAML tags are not allowed (found " + tag + "); a scenario is plain data");
    }

    @Test
    void a_url_inside_a_tag_is_never_fetched() throws Exception {
        try (ServerSocket canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + canary.getLocalPort() + "/evil.jar";
            assertThatThrownBy(() -> Scenario.parse("s.yaml", "rules: [ { at: RCPT, reply: !!javax.script.ScriptEngineManager "
                    + "[ !!java.net.URLClassLoader [[ !!java.net.URL [\"" + url + "\"] ]] ] } ]"))
                    .isInstanceOf(ScenarioException.class);

            // Parsing is over; a fetch would have completed its TCP handshake and be waiting here.
            canary.setSoTimeout(200);
            assertThatThrownBy(canary::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void a_scenario_file_is_read_as_utf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("utf8.yaml");
        Files.writeString(file, "rules:\n  - when: { recipient: \"jösé@example.com\" }\n    reply: generic/user-unknown\n");
        assertThat(Scenario.load(file).rules().get(0).condition().pattern()).isEqualTo("jösé@example.com");
    }

    @Test
    void a_file_that_cannot_be_a_scenario_is_named_with_the_reason(@TempDir Path dir) throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"),
                "rules:\n  - when: { recipient: \"jos\u00e9@example.com\" }\n    reply: generic/user-unknown\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        Path directory = Files.createDirectory(dir.resolve("rules.yaml"));

        assertThatThrownBy(() -> Scenario.load(latin1)).isInstanceOf(ScenarioException.class)
                .hasMessage("latin1.yaml: not UTF-8 text; save it as UTF-8");
        assertThatThrownBy(() -> Scenario.load(directory)).isInstanceOf(ScenarioException.class)
                .hasMessage(directory + ": a directory, not a scenario file");
    }
}
