package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.evidence.Manifest.RateSample;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateSamplerTest {
  private static final long BYTES_PER_MILLI = 150_000; // 150 MB/s
  private static final long TWELVE_HOURS_MILLIS = 12L * 60 * 60 * 1000;

  @Test
  void samples_new_startWithZeroAtZero() {
    assertThat(new RateSampler().samples()).containsExactly(new RateSample(0, 0));
  }

  @Test
  void offer_twelveHoursAt10msSteps_neverHoldsMoreThanMaxSamplesAndCoversTheWholeRun() {
    RateSampler sampler = new RateSampler();
    int most = 0;

    for (long t = 10; t <= TWELVE_HOURS_MILLIS; t += 10) {
      sampler.offer(t, t * BYTES_PER_MILLI);
      if (t % 1000 == 0) { // a copy after each of the 4.3 million offers would take seconds
        most = Math.max(most, sampler.samples().size());
      }
    }
    sampler.end(TWELVE_HOURS_MILLIS, TWELVE_HOURS_MILLIS * BYTES_PER_MILLI);

    List<RateSample> samples = sampler.samples();
    assertThat(most).isLessThanOrEqualTo(RateSampler.MAX_SAMPLES);
    assertThat(samples).hasSizeLessThanOrEqualTo(RateSampler.MAX_SAMPLES)
        .as("a 12-hour acquisition keeps as many points as a short one")
        .hasSizeGreaterThanOrEqualTo(RateSampler.MAX_SAMPLES / 2);
    assertThat(samples.get(0)).isEqualTo(new RateSample(0, 0));
    assertThat(samples.get(samples.size() - 1))
        .isEqualTo(new RateSample(TWELVE_HOURS_MILLIS, TWELVE_HOURS_MILLIS * BYTES_PER_MILLI));
    assertAscending(samples);
    long widestGap = 0;
    for (int i = 1; i < samples.size(); i++) {
      widestGap = Math.max(widestGap, samples.get(i).elapsedMillis() - samples.get(i - 1).elapsedMillis());
    }
    assertThat(widestGap).as("no part of the run is left without points")
        .isLessThanOrEqualTo(TWELVE_HOURS_MILLIS / (RateSampler.MAX_SAMPLES / 4));
  }

  @Test
  void offer_twelveHoursAtOneSecondSteps_neverMoreThanMaxSamplesAfterAnyOffer() {
    RateSampler sampler = new RateSampler();

    for (long t = 1000; t <= TWELVE_HOURS_MILLIS; t += 1000) {
      sampler.offer(t, t);

      assertThat(sampler.samples().size()).as("samples after the offer at %d ms", t)
          .isLessThanOrEqualTo(RateSampler.MAX_SAMPLES);
    }
  }

  @Test
  void offer_withinTheFirstSecond_notKept() {
    RateSampler sampler = new RateSampler();

    sampler.offer(10, 1_500_000);
    sampler.offer(999, 149_850_000);

    assertThat(sampler.samples()).containsExactly(new RateSample(0, 0));
  }

  @Test
  void offer_everySecondPasses_onePointEach() {
    RateSampler sampler = new RateSampler();

    for (long t = 100; t <= 5000; t += 100) {
      sampler.offer(t, t * 2);
    }

    assertThat(sampler.samples()).extracting(RateSample::elapsedMillis).containsExactly(0L, 1000L, 2000L, 3000L, 4000L,
        5000L);
  }

  @ParameterizedTest(name = "ending {0} ms after the last offer")
  @ValueSource(longs = {0, 1, 9, 999, 1000, 1001})
  void end_anyTime_addsTheFinalPoint(long after) {
    RateSampler sampler = new RateSampler();
    long last = 20_000;
    for (long t = 10; t <= last; t += 10) {
      sampler.offer(t, t * BYTES_PER_MILLI);
    }
    long endAt = last + after;

    sampler.end(endAt, endAt * BYTES_PER_MILLI);

    List<RateSample> samples = sampler.samples();
    assertThat(samples.get(samples.size() - 1)).isEqualTo(new RateSample(endAt, endAt * BYTES_PER_MILLI));
    assertAscending(samples);
  }

  @Test
  void end_rightAfterThinning_addsTheFinalPoint() {
    RateSampler sampler = new RateSampler();
    long t = 0;
    while (sampler.samples().size() < RateSampler.MAX_SAMPLES - 1) {
      t += 1000;
      sampler.offer(t, t);
    }
    t += 1000;
    sampler.offer(t, t); // reaches MAX_SAMPLES: every other point goes, this one among them

    sampler.end(t, t);

    List<RateSample> samples = sampler.samples();
    assertThat(samples).hasSizeLessThanOrEqualTo(RateSampler.MAX_SAMPLES);
    assertThat(samples.get(samples.size() - 1)).isEqualTo(new RateSample(t, t));
    assertAscending(samples);
  }

  @Test
  void end_atTheLastSampledPoint_notDuplicated() {
    RateSampler sampler = new RateSampler();
    sampler.offer(1000, 42);

    sampler.end(1000, 42);

    assertThat(sampler.samples()).containsExactly(new RateSample(0, 0), new RateSample(1000, 42));
  }

  @Test
  void end_ofAnEmptySource_stillHasTheFinalPoint() {
    RateSampler sampler = new RateSampler();

    sampler.end(3, 0);

    assertThat(sampler.samples()).containsExactly(new RateSample(0, 0), new RateSample(3, 0));
  }

  private static void assertAscending(List<RateSample> samples) {
    for (int i = 1; i < samples.size(); i++) {
      RateSample previous = samples.get(i - 1);
      RateSample current = samples.get(i);
      assertThat(current.elapsedMillis()).as("time of sample %d", i).isGreaterThan(previous.elapsedMillis());
      assertThat(current.bytes()).as("bytes of sample %d", i).isGreaterThanOrEqualTo(previous.bytes());
    }
  }
}
