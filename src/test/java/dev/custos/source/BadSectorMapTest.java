package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadSectorMapTest {

  @Test
  void add_nothing_noRangesAndCountZero() {
    BadSectorMap map = new BadSectorMap();

    assertThat(map.ranges()).isEmpty();
    assertThat(map.sectorCount()).isZero();
  }

  @Test
  void add_lba0_recordedAsARangeLikeAnyOther() {
    BadSectorMap map = new BadSectorMap();

    map.add(0);

    assertThat(map.ranges()).containsExactly(new SectorRange(0, 1));
    assertThat(map.sectorCount()).isEqualTo(1);
  }

  @Test
  void add_adjacentSectorsFromLba0_mergedIntoOneRange() {
    BadSectorMap map = new BadSectorMap();

    map.add(0);
    map.add(1);
    map.add(2);

    assertThat(map.ranges()).containsExactly(new SectorRange(0, 3));
    assertThat(map.sectorCount()).isEqualTo(3);
  }

  @Test
  void add_runsWithGaps_oneRangePerRunAscending() {
    BadSectorMap map = new BadSectorMap();

    for (long lba : new long[] {7, 8, 10, 100, 101, 102, 103, 1_000_000_007L}) {
      map.add(lba);
    }

    assertThat(map.ranges()).containsExactly(
        new SectorRange(7, 2), new SectorRange(10, 1), new SectorRange(100, 4), new SectorRange(1_000_000_007L, 1));
    assertThat(map.sectorCount()).isEqualTo(8);
  }

  @Test
  void add_lastAddressableSector_accepted() {
    BadSectorMap map = new BadSectorMap();

    map.add(Long.MAX_VALUE - 2);
    map.add(Long.MAX_VALUE - 1);

    assertThat(map.ranges()).containsExactly(new SectorRange(Long.MAX_VALUE - 2, 2));
  }

  @ParameterizedTest(name = "LBA {0} after LBA 10-12")
  @ValueSource(longs = {0, 9, 10, 11, 12})
  void add_outOfOrderOrRepeated_rejectedNamingTheSectors(long lba) {
    BadSectorMap map = new BadSectorMap();
    map.add(10);
    map.add(11);
    map.add(12);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> map.add(lba))
        .withMessageContaining("ascending")
        .withMessageContaining(String.valueOf(lba))
        .withMessageContaining("LBA 10-12");
    assertThat(map.ranges()).containsExactly(new SectorRange(10, 3));
    assertThat(map.sectorCount()).isEqualTo(3);
  }

  @Test
  void ranges_isACopy_laterSectorsDoNotChangeIt() {
    BadSectorMap map = new BadSectorMap();
    map.add(5);
    var snapshot = map.ranges();

    map.add(6);
    map.add(9);

    assertThat(snapshot).containsExactly(new SectorRange(5, 1));
  }
}
