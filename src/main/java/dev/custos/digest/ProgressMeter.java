package dev.custos.digest;

import java.util.function.LongSupplier;

/**
 * The progress consumer of a pipeline: counts the bytes through it, tells the listener at most
 * every {@link #REPORT_INTERVAL_NANOS}, and shows every block to an observer (acquisition samples
 * the read rate for its report there).
 *
 * <p>Threading: {@link #accept} on its pipeline thread; {@link #end} on the reader thread once the
 * pipeline has finished or been closed.
 */
public final class ProgressMeter implements BlockConsumer {
  private static final long REPORT_INTERVAL_NANOS = 200_000_000L;

  /** Sees the bytes done after every block, on the progress thread. */
  @FunctionalInterface
  public interface Observer {
    /** Does nothing. */
    Observer NONE = (elapsedMillis, bytesDone) -> {};

    void onBlock(long elapsedMillis, long bytesDone);
  }

  private final ProgressListener listener;
  private final long totalBytes;
  private final LongSupplier badSectors;
  private final LongSupplier nanoTime;
  private final Observer observer;
  private final long startNanos;
  private long bytesDone;
  private long lastReportNanos;

  /**
   * @param listener told the progress
   * @param totalBytes bytes the read will cover
   * @param badSectors unreadable sectors so far (asked at each report)
   * @param nanoTime the clock, {@code System::nanoTime} but in tests
   * @param observer sees every block
   */
  public ProgressMeter(ProgressListener listener, long totalBytes, LongSupplier badSectors, LongSupplier nanoTime, Observer observer) {
    this.listener = listener;
    this.totalBytes = totalBytes;
    this.badSectors = badSectors;
    this.nanoTime = nanoTime;
    this.observer = observer;
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
    observer.onBlock((now - startNanos) / 1_000_000, bytesDone);
    if (now - lastReportNanos >= REPORT_INTERVAL_NANOS) {
      lastReportNanos = now;
      listener.onProgress(new ProgressListener.Progress(bytesDone, totalBytes, now - startNanos, badSectors.getAsLong(), false));
    }
  }

  @Override
  public void finish() {
    // The final report comes from end(), after the caller's own work (the image writer's flush) is done.
  }

  /**
   * Tells the listener the end, with {@code bytesDone} as the caller counts them.
   *
   * @return milliseconds since the meter was made
   */
  public long end(long bytesDone) {
    long now = nanoTime.getAsLong();
    listener.onProgress(new ProgressListener.Progress(bytesDone, totalBytes, now - startNanos, badSectors.getAsLong(), true));
    return (now - startNanos) / 1_000_000;
  }
}
