package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SectorRangeTest {

  @Test
  void constructor_lba0_isASectorLikeAnyOther() {
    SectorRange range = new SectorRange(0, 1);

    assertThat(range.firstLba()).isZero();
    assertThat(range.lastLba()).isZero();
    assertThat(range.endLba()).isEqualTo(1);
    assertThat(range).hasToString("LBA 0");
  }

  @Test
  void constructor_lastAddressableLbaWithCountOne_accepted() {
    SectorRange range = new SectorRange(Long.MAX_VALUE - 1, 1);

    assertThat(range.lastLba()).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(range.endLba()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void constructor_everyAddressableSectorFromLba0_accepted() {
    SectorRange range = new SectorRange(0, Long.MAX_VALUE);

    assertThat(range.lastLba()).isEqualTo(Long.MAX_VALUE - 1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {-1, -512, Long.MIN_VALUE})
  void constructor_negativeLba_rejectedWithTheValue(long lba) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SectorRange(lba, 1))
        .withMessageContaining("first LBA")
        .withMessageContaining(String.valueOf(lba));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void constructor_countNotPositive_rejectedWithTheValue(long count) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SectorRange(0, count))
        .withMessageContaining(String.valueOf(count));
  }

  @ParameterizedTest(name = "LBA {0}, {1} sectors")
  @CsvSource({"9223372036854775807, 1", "1, 9223372036854775807", "9223372036854775806, 2",
      "4611686018427387904, 4611686018427387904"})
  void constructor_rangePassesTheLargestLba_rejectedWithTheValues(long firstLba, long count) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SectorRange(firstLba, count))
        .withMessageContaining(String.valueOf(firstLba))
        .withMessageContaining(String.valueOf(count));
  }

  @Test
  void bytes_sectorSizes_exact() {
    SectorRange range = new SectorRange(7, 3);

    assertThat(range.bytes(512)).isEqualTo(1536);
    assertThat(range.bytes(4096)).isEqualTo(12288);
  }

  @Test
  void bytes_overflowingLong_throwsNeverWraps() {
    SectorRange range = new SectorRange(0, Long.MAX_VALUE / 256);

    assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> range.bytes(512));
  }

  @Test
  void isFollowedBy_adjacentRange_true() {
    assertThat(new SectorRange(0, 8).isFollowedBy(new SectorRange(8, 1))).isTrue();
  }

  @ParameterizedTest(name = "LBA {0}")
  @ValueSource(longs = {0, 7, 9, 100})
  void isFollowedBy_overlappingOrGappedRange_false(long nextLba) {
    assertThat(new SectorRange(0, 8).isFollowedBy(new SectorRange(nextLba, 1))).isFalse();
  }

  @Test
  void toString_severalSectors_firstLastAndCount() {
    assertThat(new SectorRange(0, 8)).hasToString("LBA 0-7 (8 sectors)");
  }

  @Test
  void equals_sameLbaAndCount_equal() {
    assertThat(new SectorRange(5, 2)).isEqualTo(new SectorRange(5, 2)).isNotEqualTo(new SectorRange(5, 3));
  }
}
