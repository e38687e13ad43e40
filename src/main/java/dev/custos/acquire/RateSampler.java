package dev.custos.acquire;

import dev.custos.evidence.Manifest.RateSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Samples bytes read over time for the report's read-rate graph. Memory stays bounded however
 * long the acquisition: when {@link #MAX_SAMPLES} are held, every other one is dropped and the
 * interval doubles, so a 12-hour acquisition keeps as many points as a 10-minute one.
 *
 * <p>Threading: confined to the progress thread; {@link #samples()} after it has finished.
 */
final class RateSampler {
  static final int MAX_SAMPLES = 512;
  private static final long FIRST_INTERVAL_MILLIS = 1000;

  private final List<RateSample> samples = new ArrayList<>();
  /** Told of every sample as it is kept, before any is thinned out: the progress record. */
  private final Consumer<RateSample> kept;
  private long intervalMillis = FIRST_INTERVAL_MILLIS;
  private long nextAtMillis;

  RateSampler() {
    this(sample -> { });
  }

  RateSampler(Consumer<RateSample> kept) {
    this.kept = kept;
    keep(new RateSample(0, 0));
    nextAtMillis = intervalMillis;
  }

  /**
   * {@code samples} thinned as a sampler thins its own, every other one dropped until at most
   * {@link #MAX_SAMPLES} remain, the last always kept: a long run read back from the progress record.
   */
  static List<RateSample> thinned(List<RateSample> samples) {
    List<RateSample> left = new ArrayList<>(samples);
    while (left.size() > MAX_SAMPLES) {
      RateSample last = left.get(left.size() - 1);
      List<RateSample> half = new ArrayList<>();
      for (int i = 0; i < left.size(); i += 2) {
        half.add(left.get(i));
      }
      if (!half.get(half.size() - 1).equals(last)) {
        half.add(last);
      }
      left = half;
    }
    return List.copyOf(left);
  }

  private void keep(RateSample sample) {
    samples.add(sample);
    kept.accept(sample);
  }

  /** Offers the state at {@code elapsedMillis}; kept when an interval has passed. */
  void offer(long elapsedMillis, long bytes) {
    if (elapsedMillis < nextAtMillis) {
      return;
    }
    keep(new RateSample(elapsedMillis, bytes));
    nextAtMillis = (elapsedMillis / intervalMillis + 1) * intervalMillis;
    if (samples.size() >= MAX_SAMPLES) {
      thin();
    }
  }

  /** Adds the final state, always kept. */
  void end(long elapsedMillis, long bytes) {
    RateSample last = samples.get(samples.size() - 1);
    if (last.elapsedMillis() != elapsedMillis || last.bytes() != bytes) {
      keep(new RateSample(Math.max(elapsedMillis, last.elapsedMillis()), bytes));
    }
  }

  private void thin() {
    List<RateSample> kept = new ArrayList<>();
    for (int i = 0; i < samples.size(); i += 2) {
      kept.add(samples.get(i));
    }
    samples.clear();
    samples.addAll(kept);
    intervalMillis *= 2;
    nextAtMillis = (samples.get(samples.size() - 1).elapsedMillis() / intervalMillis + 1) * intervalMillis;
  }

  List<RateSample> samples() {
    return List.copyOf(samples);
  }
}
