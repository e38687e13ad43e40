package dev.custos.rescue;

import java.time.Instant;
import java.util.Objects;

/**
 * One phase of a rescue as it ran.
 *
 * @param phase {@code copy}, {@code copy-backwards}, {@code copy-remaining}, {@code trim}, {@code
 *     scrape} or {@code retry-N}
 * @param started when it began (UTC)
 * @param ended when it ended (UTC)
 * @param bytesRead bytes it read into the image
 * @param failedReads reads of it that failed
 */
public record PhaseRecord(String phase, Instant started, Instant ended, long bytesRead, long failedReads) {
  public PhaseRecord {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    if (bytesRead < 0 || failedReads < 0) {
      throw new IllegalArgumentException("a phase's counts must not be negative, got " + bytesRead + " and " + failedReads);
    }
  }
}
