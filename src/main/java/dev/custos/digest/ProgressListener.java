package dev.custos.digest;

/**
 * Told how a read through the pipeline (an acquisition, a verification) advances. Called from the pipeline's progress thread, a few times a
 * second at most, and once more at the end; implementations must be quick.
 */
public interface ProgressListener {
  /** Ignores everything. */
  ProgressListener NONE = progress -> {};

  /** The state of the acquisition now. */
  void onProgress(Progress progress);

  /**
   * Where the rescue of a failing source stands: after the first copy pass, the phases that read
   * what it could not. Called on the reader thread at each phase and every few reads.
   */
  default void onRescue(RescueProgress rescue) {}

  /**
   * The listener for one of the several reads a run makes, named {@code what} ({@code image},
   * {@code source}), so that a display can tell their progress apart; this one by default.
   */
  default ProgressListener labelled(String what) {
    return this;
  }

  /**
   * A snapshot of a rescue.
   *
   * @param phase the phase running: copy-backwards, copy-remaining, trim, scrape, retry-N, digests
   * @param untriedBytes bytes not tried yet (skipped by a copy pass)
   * @param failedBytes bytes of failed areas not yet read sector by sector (to trim or to scrape)
   * @param badSectors sectors that failed when read alone
   */
  record RescueProgress(String phase, long untriedBytes, long failedBytes, long badSectors) {}

  /**
   * A snapshot of the read.
   *
   * @param bytesDone bytes of the source through the pipeline
   * @param totalBytes size of the source
   * @param elapsedNanos time since reading began
   * @param badSectors unreadable sectors so far
   * @param finished whether this is the last call
   */
  record Progress(long bytesDone, long totalBytes, long elapsedNanos, long badSectors, boolean finished) {
    /** Average rate so far, bytes per second. */
    public double bytesPerSecond() {
      return elapsedNanos == 0 ? 0 : bytesDone * 1e9 / elapsedNanos;
    }

    /** Fraction done, 0 to 1. */
    public double fraction() {
      return totalBytes == 0 ? 1 : (double) bytesDone / totalBytes;
    }

    /** Estimated seconds to go at the average rate so far, or -1 when unknown. */
    public long etaSeconds() {
      double rate = bytesPerSecond();
      return rate <= 0 ? -1 : Math.round((totalBytes - bytesDone) / rate);
    }
  }
}
