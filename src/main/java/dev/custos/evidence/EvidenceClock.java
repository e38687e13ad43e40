package dev.custos.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The time source of evidence: UTC, to the millisecond. A seam: tests pass a fixed clock. */
@FunctionalInterface
public interface EvidenceClock {
  /** ISO 8601, UTC, always with milliseconds: {@code 2026-11-25T10:15:30.123Z}. */
  DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The current instant, truncated to milliseconds. */
  Instant now();

  /** The system clock. */
  static EvidenceClock system() {
    return () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  /** {@code clock}, truncated to milliseconds: a {@link java.time.Clock} as evidence records read it. */
  static EvidenceClock of(java.time.Clock clock) {
    java.util.Objects.requireNonNull(clock, "clock");
    return () -> clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** {@code instant} as evidence records write it. */
  static String format(Instant instant) {
    return ISO_MILLIS.format(instant);
  }
}
