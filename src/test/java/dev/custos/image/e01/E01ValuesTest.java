package dev.custos.image.e01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The E01 values refuse what the format cannot hold, naming the bad value. */
class E01ValuesTest {
  @Test
  void fromCliName_unknown_namesTheValidNames() {
    assertThat(E01Compression.fromCliName("empty-block")).isEqualTo(E01Compression.EMPTY_BLOCK);
    assertThatThrownBy(() -> E01Compression.fromCliName("zip")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zip").hasMessageContaining("none, empty-block, fast, best");
  }

  @Test
  void media_notAMultipleOfTheSector_isRefusedWithTheValues() {
    assertThatThrownBy(() -> new E01Media(1000, 512, true, 64, UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000").hasMessageContaining("512");
    assertThatThrownBy(() -> new E01Media(4096, 1024, true, 64, UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024");
  }

  @Test
  void settings_segmentBelowOneMebibyte_isRefused() {
    assertThatThrownBy(() -> new E01Settings("image", 1000, E01Compression.FAST, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1048576");
    assertThatThrownBy(() -> new E01Settings("image", 1 << 20, E01Compression.FAST, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
  }

  @Test
  void caseFields_tabInNotes_isRefusedNamingTheField() {
    Instant now = Instant.EPOCH;
    assertThatThrownBy(() -> new E01CaseFields("c", "n", "e", "d", "a\tb", now, now, "Linux", "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notes");
  }

  @Test
  void segmentNames_followEnCase() {
    assertThat(SegmentNames.extension(1)).isEqualTo("E01");
    assertThat(SegmentNames.extension(99)).isEqualTo("E99");
    assertThat(SegmentNames.extension(100)).isEqualTo("EAA");
    assertThat(SegmentNames.extension(125)).isEqualTo("EAZ");
    assertThat(SegmentNames.extension(126)).isEqualTo("EBA");
    assertThat(SegmentNames.extension(SegmentNames.MAX_SEGMENTS)).isEqualTo("ZZZ");
  }

  @Test
  void allBytesEqual_findsOneDifferentByteAnywhere() {
    byte[] data = new byte[32768];
    assertThat(ChunkPacker.allBytesEqual(data, data.length)).isTrue();
    data[32767] = 1;
    assertThat(ChunkPacker.allBytesEqual(data, data.length)).isFalse();
    assertThat(ChunkPacker.allBytesEqual(data, 32767)).isTrue();
  }
}
