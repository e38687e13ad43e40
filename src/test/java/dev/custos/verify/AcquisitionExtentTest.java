package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How far an acquisition got, in the words of {@code report verify}: LBA 0, the last sector, nothing, everything. */
class AcquisitionExtentTest {
  @Test
  void interrupted_namesTheBytesAndLbasNotAcquired_inclusive() {
    AcquisitionExtent extent = new AcquisitionExtent("interrupted", 504L << 20, 4_294_967_296L, 512, "interrupted by a signal");

    assertThat(extent.complete()).isFalse();
    assertThat(extent.acquiredText()).isEqualTo("bytes 0–528482303 of 4294967296 acquired");
    assertThat(extent.notAcquiredText())
        .isEqualTo("bytes 528482304–4294967295 (LBAs 1032192–8388607) not acquired: INTERRUPTED, interrupted by a signal");
  }

  @Test
  void nothingAcquired_fromLba0() {
    AcquisitionExtent extent = new AcquisitionExtent("interrupted", 0, 1024, 512, null);

    assertThat(extent.acquiredText()).isEqualTo("no bytes of 1024 acquired");
    assertThat(extent.notAcquiredText()).isEqualTo("bytes 0–1023 (LBAs 0–1) not acquired: INTERRUPTED");
  }

  @Test
  void onlyTheLastSectorMissing_isIncomplete() {
    AcquisitionExtent extent = new AcquisitionExtent("failed", 3584, 4096, 512, "target disk full");

    assertThat(extent.complete()).isFalse();
    assertThat(extent.notAcquiredText()).isEqualTo("bytes 3584–4095 (LBAs 7–7) not acquired: FAILED, target disk full");
  }

  @Test
  void completedEveryByte_isComplete_andCompletedShortOfTheSource_isNot() {
    assertThat(new AcquisitionExtent("completed", 4096, 4096, 512, null).complete()).isTrue();
    assertThat(new AcquisitionExtent("completed", 4096, 4096, 512, null).notAcquiredText()).isNull();
    assertThat(new AcquisitionExtent("completed", 3584, 4096, 512, null).complete()).as("a manifest claiming more than it read").isFalse();
  }

  @Test
  void failedAfterReadingEverything_isIncomplete() {
    assertThat(new AcquisitionExtent("failed", 4096, 4096, 512, "source changed during acquisition: size").complete()).isFalse();
  }

  @Test
  void moreAcquiredThanTheSource_isRefused() {
    assertThatThrownBy(() -> new AcquisitionExtent("completed", 4097, 4096, 512, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4097");
  }

  @Test
  void ofManifest_readsTheOutcome_andGivesNullForWhatItCannotRead() {
    byte[] manifest = ("{\"source\":{\"sizeBytes\":2048,\"logicalSectorSize\":512},"
        + "\"outcome\":{\"status\":\"interrupted\",\"bytesAcquired\":1024,\"reason\":\"why\"}}").getBytes(StandardCharsets.UTF_8);

    assertThat(AcquisitionExtent.ofManifest(manifest)).isEqualTo(new AcquisitionExtent("interrupted", 1024, 2048, 512, "why"));
    assertThat(AcquisitionExtent.ofManifest("not json".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(AcquisitionExtent.ofManifest(("{\"source\":{\"sizeBytes\":10},\"outcome\":{\"status\":\"completed\","
        + "\"bytesAcquired\":11}}").getBytes(StandardCharsets.UTF_8))).isNull();
  }
}
