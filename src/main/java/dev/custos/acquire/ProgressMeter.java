package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.evidence.Manifest.RateSample;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The progress consumer: counts the bytes through the pipeline, tells the listener at most every
 * {@link #REPORT_INTERVAL_NANOS}, and samples the read rate.
 */
final class ProgressMeter implements BlockConsumer {
  private static final long REPORT_INTERVAL_NANOS = 200_000_000L;

  private final ProgressListener listener;
  private final long totalBytes;
  private final LongSupplier badSectors;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final RateSampler sampler = new RateSampler();
  private long bytesDone;
  private long lastReportNanos;

  ProgressMeter(ProgressListener listener, long totalBytes, LongSupplier badSectors, LongSupplier nanoTime) {
    this.listener = listener;
    this.totalBytes = totalBytes;
    this.badSectors = badSectors;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
    this.lastReportNanos = startNanos;
  }

  @Override
  public String name() {
    return "progress";
  }

  @Override
  public void accept(Block block) {
    bytesDone += block.length();
    long now = nanoTime.getAsLong();
    sampler.offer((now - startNanos) / 1_000_000, bytesDone);
    if (now - lastReportNanos >= REPORT_INTERVAL_NANOS) {
      lastReportNanos = now;
      listener.onProgress(new ProgressListener.Progress(bytesDone, totalBytes, now - startNanos, badSectors.getAsLong(), false));
    }
  }

  @Override
  public void finish() {
    // The final report comes from end(), after the writer has flushed.
  }

  /** Closes the samples and tells the listener the end; call after the pipeline is done. */
  List<RateSample> end(long bytesAcquired) {
    long now = nanoTime.getAsLong();
    sampler.end((now - startNanos) / 1_000_000, bytesAcquired);
    listener.onProgress(new ProgressListener.Progress(bytesAcquired, totalBytes, now - startNanos, badSectors.getAsLong(), true));
    return sampler.samples();
  }
}
