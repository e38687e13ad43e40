package dev.custos.rescue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.source.OsError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rescue map covers the source without gap or overlap, and merges what is alike. */
class RescueMapTest {
  private static final Optional<OsError> EIO = Optional.of(new OsError("EIO", "Input/output error"));

  @Test
  void newMap_isOneUntriedArea() {
    assertThat(new RescueMap(4096).snapshot()).containsExactly(new Area(0, 4096, AreaState.NON_TRIED, Optional.empty()));
    assertThat(new RescueMap(0).snapshot()).isEmpty();
  }

  @Test
  void mark_splitsAnAreaAndMergesAlikeNeighbours() {
    RescueMap map = new RescueMap(4096);
    map.mark(0, 1024, AreaState.FINISHED, Optional.empty());
    map.mark(2048, 512, AreaState.BAD_SECTOR, EIO);
    map.mark(1024, 1024, AreaState.FINISHED, Optional.empty());

    assertThat(map.snapshot()).containsExactly(
        new Area(0, 2048, AreaState.FINISHED, Optional.empty()),
        new Area(2048, 512, AreaState.BAD_SECTOR, EIO),
        new Area(2560, 1536, AreaState.NON_TRIED, Optional.empty()));
    assertThat(map.bytesIn(AreaState.FINISHED)).isEqualTo(2048);
    assertThat(map.firstUnfinishedFrom(0)).isEqualTo(2048);
  }

  @Test
  void mark_sameStateOtherError_staysApart() {
    RescueMap map = new RescueMap(1024);
    map.mark(0, 512, AreaState.BAD_SECTOR, EIO);
    map.mark(512, 512, AreaState.BAD_SECTOR, Optional.of(new OsError("ETIMEDOUT", "Connection timed out")));

    assertThat(map.snapshot()).hasSize(2);
  }

  @Test
  void within_cutsTheAreasToTheRange() {
    RescueMap map = new RescueMap(4096);
    map.mark(1024, 1024, AreaState.NON_TRIMMED, EIO);

    assertThat(map.within(512, 1536)).containsExactly(
        new Area(512, 512, AreaState.NON_TRIED, Optional.empty()),
        new Area(1024, 512, AreaState.NON_TRIMMED, EIO));
  }

  @Test
  void mark_pastTheEnd_refused() {
    assertThatThrownBy(() -> new RescueMap(1024).mark(512, 1024, AreaState.FINISHED, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passes the end of the source at byte 1024");
  }

  @Test
  void area_finishedWithAnError_refused() {
    assertThatThrownBy(() -> new Area(0, 512, AreaState.FINISHED, EIO)).isInstanceOf(IllegalArgumentException.class);
  }
}
