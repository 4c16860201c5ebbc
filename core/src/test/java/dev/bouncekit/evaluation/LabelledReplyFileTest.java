package dev.bouncekit.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabelledReplyFileTest {

    @Test
    void a_file_saved_with_a_byte_order_mark_reads_as_without_it(@TempDir Path dir) throws IOException {
        Path withMark = dir.resolve("with-mark.tsv");
        Path without = dir.resolve("without.tsv");
        String rows = "id\treply\treason\nr1\t550 5.1.1 User unknown\tuserunknown\n";
        Files.write(withMark, ("\uFEFF" + rows).getBytes(StandardCharsets.UTF_8));
        Files.write(without, rows.getBytes(StandardCharsets.UTF_8));

        List<LabelledReply> read = LabelledReplyFile.read(withMark);

        assertThat(read).isEqualTo(LabelledReplyFile.read(without));
        assertThat(read).singleElement().extracting(LabelledReply::id).isEqualTo("r1");
    }

    @Test
    void a_byte_order_mark_before_a_first_required_column_is_no_missing_column(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("labels.tsv");
        Files.write(file, "\uFEFFreply\treason\n550 5.2.2 Mailbox full\tmailboxfull\n".getBytes(StandardCharsets.UTF_8));

        assertThat(LabelledReplyFile.read(file)).singleElement().extracting(LabelledReply::reply).isEqualTo("550 5.2.2 Mailbox full");
    }
}
