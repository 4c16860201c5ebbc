package dev.bouncekit.evaluation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** The fixed train/validation split, checked against values computed with Python's zlib.crc32. */
class SplitTest {

    @Test
    void crc32_is_the_zlib_checksum_of_the_utf8_bytes() {
        assertThat(Split.crc32("123456789")).isEqualTo(0xCBF43926L);
        assertThat(Split.crc32("")).isZero();
        assertThat(Split.crc32("lhost-amazonses-01-1")).isEqualTo(1614163101L);
        assertThat(Split.crc32("rhost-é-1")).isEqualTo(1216462718L);
        assertThat(Split.crc32("メール-1")).isEqualTo(3327466890L);
    }

    @Test
    void ids_whose_checksum_ends_in_0_1_or_2_are_validation() {
        assertThat(Split.of("lhost-amazonses-01-1")).isEqualTo(Split.VALIDATION); // ...101 % 10 = 1
        assertThat(Split.of("seed-001")).isEqualTo(Split.VALIDATION);             // ...742 % 10 = 2
        assertThat(Split.of("メール-1")).isEqualTo(Split.VALIDATION);               // ...890 % 10 = 0
        assertThat(Split.isValidation("lhost-amazonses-01-1")).isTrue();
    }

    @Test
    void ids_whose_checksum_ends_in_3_to_9_are_train() {
        assertThat(Split.of("lhost-gmail-01-1")).isEqualTo(Split.TRAIN); // ...734 % 10 = 4
        assertThat(Split.of("seed-010")).isEqualTo(Split.TRAIN);         // ...537 % 10 = 7
        assertThat(Split.of("rhost-é-1")).isEqualTo(Split.TRAIN);       // ...718 % 10 = 8
        assertThat(Split.isValidation("uu-1")).isFalse();
    }

    @Test
    void about_thirty_percent_of_ids_are_validation() {
        long validation = IntStream.range(0, 1000).mapToObj(i -> "row-" + i).filter(Split::isValidation).count();

        assertThat(validation).isEqualTo(280); // the same count as zlib.crc32 gives
    }

    @Test
    void the_split_depends_on_the_id_only() {
        assertThat(Split.of("seed-010")).isEqualTo(Split.of(new String("seed-010".toCharArray())));
        assertThat(Split.VALIDATION.id()).isEqualTo("validation");
    }

    @Test
    void a_null_id_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Split.of(null)).withMessage("id");
    }

    @Test
    void only_the_files_of_a_labelled_directory_are_split() {
        assertThat(Split.appliesTo(Path.of("core/src/test/resources/dev/bouncekit/corpus/labelled/mta.tsv"))).isTrue();
        assertThat(Split.appliesTo(Path.of("/tmp/copy/labelled/mine.tsv"))).isTrue();
        assertThat(Split.appliesTo(Path.of("core/src/test/resources/dev/bouncekit/corpus/reason-examples.tsv"))).isFalse();
        assertThat(Split.appliesTo(Path.of("../shared/corpus/replies-dev.tsv"))).isFalse();
        assertThat(Split.appliesTo(Path.of("labelled"))).isFalse();
        assertThat(Split.appliesTo(Path.of("-"))).isFalse();
        assertThat(Split.appliesTo(null)).isFalse();
    }
}
