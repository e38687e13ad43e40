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
  public RescueOptions {
    Objects.requireNonNull(timeLimit, "timeLimit");
    if (retries < 0 || retries > 100) {
      throw new IllegalArgumentException("retries must be between 0 and 100, got " + retries);
    }
    if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
      throw new IllegalArgumentException("a rescue time limit must be positive, got " + timeLimit.get());
    }
  }
}
