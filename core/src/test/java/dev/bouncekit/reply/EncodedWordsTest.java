package dev.bouncekit.reply;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link EncodedWords} decodes, what it leaves as written, and that hostile texts are read in one pass. */
class EncodedWordsTest {

    private static final int MEGABYTE = 1 << 20;

    @Test
    void the_b_encoding_is_decoded_in_the_charset_the_word_names() {
        assertThat(EncodedWords.decode("550 =?ISO-2022-JP?B?GyRCJWYhPCU2JCxCODpfJDckXiQ7JHMbKEI=?="))
                .isEqualTo("550 ユーザが存在しません");
        assertThat(EncodedWords.decode("=?EUC-KR?B?u+e/68DasKEgwbjA58fPwfYgvsq9wLTPtNk=?="))
                .isEqualTo("사용자가 존재하지 않습니다");
        assertThat(EncodedWords.decode("=?GB2312?B?08O7p7K7tObU2g==?=")).isEqualTo("用户不存在");
        assertThat(EncodedWords.decode("=?Big5?B?pc6k4aSjpnOmYg==?=")).isEqualTo("用戶不存在");
        assertThat(EncodedWords.decode("=?Shift_JIS?B?g4aBW4NVgqqRto3dgrWC3IK5gvE=?=")).isEqualTo("ユーザが存在しません");
        assertThat(EncodedWords.decode("=?windows-1251?B?z+7r/Ofu4uDy5ev8IO3lIO3g6eTl7Q==?="))
                .isEqualTo("Пользователь не найден");
        assertThat(EncodedWords.decode("=?utf-8?b?dW5rbm93bg?=")).as("padding left out, names in lower case").isEqualTo("unknown");
    }

    @Test
    void the_q_encoding_reads_underscores_as_spaces_and_hex_pairs_as_bytes() {
        assertThat(EncodedWords.decode("550 5.1.1 =?UTF-8?Q?Empf=C3=A4nger_unbekannt?= (in reply to RCPT TO command)"))
                .isEqualTo("550 5.1.1 Empfänger unbekannt (in reply to RCPT TO command)");
        assertThat(EncodedWords.decode("=?ISO-8859-1?q?Destinataire_inconnu_=E0_cette_adresse?="))
                .isEqualTo("Destinataire inconnu à cette adresse");
    }

    @Test
    void a_language_after_the_charset_is_left_out() {
        assertThat(EncodedWords.decode("=?UTF-8*ja?B?44Om44O844K244GM5a2Y5Zyo44GX44G+44Gb44KT?=")).isEqualTo("ユーザが存在しません");
        assertThat(EncodedWords.decode("=?US-ASCII*EN-us?Q?user_unknown?=")).isEqualTo("user unknown");
    }

    @Test
    void white_space_between_adjacent_words_is_dropped_and_their_bytes_decoded_together() {
        // one character's three bytes split between two words
        assertThat(EncodedWords.decode("=?UTF-8?B?44Om4w==?= =?UTF-8?B?g7zjgrY=?=")).isEqualTo("ユーザ");
        assertThat(EncodedWords.decode("=?ISO-2022-JP?B?GyRCJWYhPCU2GyhC?=\r\n =?ISO-2022-JP?B?GyRCJCxCODpfJDckXiQ7JHMbKEI=?="))
                .as("a folded line").isEqualTo("ユーザが存在しません");
        assertThat(EncodedWords.decode("=?UTF-8?B?VXNlciA=?=\t=?EUC-KR?B?wbjA58fPwfY=?==?UTF-8?Q?!?="))
                .as("other charsets, and no space at all").isEqualTo("User 존재하지!");
    }

    @Test
    void text_between_words_and_white_space_beside_text_is_kept() {
        assertThat(EncodedWords.decode("a =?UTF-8?Q?b?= c =?UTF-8?Q?d?= e")).isEqualTo("a b c d e");
        assertThat(EncodedWords.decode("=?UTF-8?Q?a?=\n=?UTF-8?Q?b?=")).as("a line break not folded").isEqualTo("a\nb");
        assertThat(EncodedWords.decode("=?UTF-8?Q?a?= =?x-unknown?Q?b?= =?UTF-8?Q?c?="))
                .as("a word left as it is parts the two beside it").isEqualTo("a =?x-unknown?Q?b?= c");
    }

    @Test
    void malformed_words_and_unknown_charsets_are_left_as_written() {
        for (String text : List.of("=?x-no-such-charset?B?dW5rbm93bg==?=", "=?UTF-8?B?dW5rb*93bg==?=", "=?UTF-8?B?dW5rbm93b?=",
                "=?UTF-8?B?dW=5rbm93?=", "=?UTF-8?B?dW5rbm93bg===?=", "=?UTF-8?Q?a=4?=", "=?UTF-8?Q?a=G1?=", "=?UTF-8?X?abc?=",
                "=?UTF-8?Q??=", "=??Q?abc?=", "=?UTF-8?Q?a b?=", "=?UTF-8?Q?abc", "=?UTF-8?Q?abc?", "=?UTF 8?Q?a?=",
                "=?!!?Q?a?=", "=?*ja?Q?a?=", "=?UTF-8?Qabc?=", "see https://example.com/?p==?q", "=?", "?=", "=?=?=?")) {
            assertThat(EncodedWords.decode(text)).as(text).isSameAs(text);
        }
        assertThat(EncodedWords.decode("=?UTF-8?B?dW5rbm93b?= =?UTF-8?Q?user?=")).isEqualTo("=?UTF-8?B?dW5rbm93b?= user");
    }

    @Test
    void a_text_without_an_encoded_word_is_given_back_as_it_is() {
        String text = "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown";

        assertThat(EncodedWords.decode(text)).isSameAs(text);
        assertThat(EncodedWords.decode("")).isEmpty();
    }

    @Test
    void the_parsed_reply_is_the_decoded_text() {
        SmtpReply reply = ReplyParser.parse("Diagnostic-Code: smtp; 550 =?ISO-2022-JP?B?GyRCJWYhPCU2GyhC?=\r\n"
                + " =?ISO-2022-JP?B?GyRCJCxCODpfJDckXiQ7JHMbKEI=?=\r\nStatus: 5.1.1\r\n");
        SmtpReply whole = ReplyParser.parse("=?UTF-8?Q?550_5.7.1_Message_rejected?=");

        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.text()).isEqualTo("ユーザが存在しません");
        assertThat(whole.code()).isEqualTo(550);
        assertThat(whole.text()).isEqualTo("Message rejected");
    }

    @Test
    void a_megabyte_of_word_openings_and_near_words_is_read_in_one_pass() {
        for (String unit : List.of("=?", "=?=", "?=", "=?a?", "=?a?B?", "=?a?Q?=", "=?UTF-8?Q?=?=", "=?UTF-8?B?x?= ",
                "=?x-unknown?B?QQ==?= ", "=?UTF-8*ja*ja?Q?a=", "=?UTF-8?Q?a_b")) {
            String text = unit.repeat(MEGABYTE / unit.length() + 1);

            assertThat(EncodedWords.decode(text)).as(unit).isSameAs(text);
            assertThat(ReplyParser.parse("550 " + text).code()).isEqualTo(550);
        }
    }

    @Test
    void a_megabyte_of_words_is_decoded_in_one_pass() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; names.length() < MEGABYTE; i++) {
            names.append("=?x-").append(i).append("?Q?a?= ");  // a charset name of its own each time
        }
        String unknown = names.toString();
        String words = "=?UTF-8?Q?a?= ".repeat(MEGABYTE / 14 + 1);
        String lines = "=?UTF-8?Q?a?=\r\n ".repeat(MEGABYTE / 16 + 1);

        assertThat(EncodedWords.decode(unknown)).isSameAs(unknown);
        assertThat(EncodedWords.decode(words)).isEqualTo("a".repeat(MEGABYTE / 14 + 1) + " ");
        assertThat(EncodedWords.decode(lines)).isEqualTo("a".repeat(MEGABYTE / 16 + 1) + "\r\n ");
    }
}
