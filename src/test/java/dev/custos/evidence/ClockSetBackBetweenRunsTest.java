package dev.custos.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A workstation clock set back between two runs makes the runs add up to more than the span from
 * the first start to the end: the stopped time is then unknown, and the summary and the report say
 * so rather than show figures that contradict each other.
 */
class ClockSetBackBetweenRunsTest {
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.000Z");

  @Test
  void runsAddingUpToMoreThanTheSpan_sayTheClockWentBack() {
    // Run 1 read 8 s; the clock went back 4 s while stopped; run 2 read 4 s more.
    List<AcquisitionRun> runs = List.of(run(0, 8_000), run(5_000, 9_000));
    Manifest.Timing timing = new Manifest.Timing(T0, T0.plusMillis(9_000), runs);
    RecordedManifest.Timing recorded = new RecordedManifest.Timing(T0, T0.plusMillis(9_000), 12_000, 0, runs);

    assertThat(timing.duration()).isEqualTo(Duration.ofMillis(12_000));
    assertThat(timing.stopped()).isZero();
    assertThat(timing.clockNote()).contains("clock was set back between runs").contains("stopped time is not known");
    assertThat(recorded.stopped()).isZero();
    assertThat(recorded.clockNote()).isEqualTo(timing.clockNote());
  }

  @Test
  void runsWithTimeStoppedBetween_sayNothingOfTheClock() {
    List<AcquisitionRun> runs = List.of(run(0, 8_000), run(20_000, 24_000));
    Manifest.Timing timing = new Manifest.Timing(T0, T0.plusMillis(24_000), runs);
    RecordedManifest.Timing recorded = new RecordedManifest.Timing(T0, T0.plusMillis(24_000), 12_000, 0, runs);

    assertThat(timing.stopped()).isEqualTo(Duration.ofMillis(12_000));
    assertThat(recorded.stopped()).isEqualTo(Duration.ofMillis(12_000));
    assertThat(timing.clockNote()).isEmpty();
    assertThat(recorded.clockNote()).isEmpty();
  }

  private static AcquisitionRun run(long fromMillis, long toMillis) {
    return new AcquisitionRun(T0.plusMillis(fromMillis), T0.plusMillis(toMillis), true, List.of());
  }
}
