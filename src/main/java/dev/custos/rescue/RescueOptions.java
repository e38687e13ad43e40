package dev.custos.rescue;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the examiner tunes in a rescue.
 *
 * @param retries passes over the bad sectors after scraping, 0 to 100
 * @param timeLimit how long the phases after the first copy pass may take at most; what they have
 *     not reached by then stays recorded in its state (not tried, not trimmed, not scraped)
 * @param reverse read failed areas backwards (the second copy pass, trimming, scraping and the
 *     first retry pass go from the end; later retry passes alternate), as ddrescue's {@code -R}
 */
public record RescueOptions(int retries, Optional<Duration> timeLimit, boolean reverse) {
  /** The longest time limit: its end must still be a point on the nanosecond clock. */
  private static final Duration LONGEST_TIME_LIMIT = Duration.ofDays(36_500);

  public RescueOptions {
    Objects.requireNonNull(timeLimit, "timeLimit");
    if (retries < 0 || retries > 100) {
      throw new IllegalArgumentException("retries must be between 0 and 100, got " + retries);
    }
    if (timeLimit.isPresent() && (timeLimit.get().toMillis() < 1 || timeLimit.get().compareTo(LONGEST_TIME_LIMIT) > 0)) {
      throw new IllegalArgumentException("a rescue time limit must be at least 1 ms and at most 100 years, got " + timeLimit.get());
    }
    // Whole milliseconds: the manifest records the limit in them, so what ran is what is recorded.
    timeLimit = timeLimit.map(limit -> Duration.ofMillis(limit.toMillis()));
  }
}
