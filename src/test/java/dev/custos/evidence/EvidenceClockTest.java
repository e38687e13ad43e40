package dev.custos.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.ExternalTool;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceClockTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2026-11-25T10:15:30Z, 2026-11-25T10:15:30.000Z",
      "2026-11-25T10:15:30.1Z, 2026-11-25T10:15:30.100Z",
      "2026-11-25T10:15:30.123Z, 2026-11-25T10:15:30.123Z",
      "2026-11-25T10:15:30.999999999Z, 2026-11-25T10:15:30.999Z",
      "2026-11-25T10:15:30.000999Z, 2026-11-25T10:15:30.000Z",
      "1970-01-01T00:00:00Z, 1970-01-01T00:00:00.000Z",
      "2024-02-29T23:59:59.5Z, 2024-02-29T23:59:59.500Z",
      "2026-11-25T10:15:30+01:00, 2026-11-25T09:15:30.000Z",
  })
  void format_anyInstant_utcWithExactlyThreeFractionalDigitsAndZ(String instant, String expected) {
    assertThat(EvidenceClock.format(Instant.parse(instant))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-11-25T10:15:30Z", "2026-11-25T10:15:30.042Z", "2000-01-01T00:00:00.999999Z",
      "2038-01-19T03:14:08.001Z", "1999-12-31T23:59:59.9Z", "2100-03-01T12:00:00.5Z"})
  void format_anyInstant_sameAsGnuDate(String text) {
    Instant instant = Instant.parse(text);
    String expected = ExternalTool.ok("date", "-u",
        "-d", "@" + instant.getEpochSecond() + "." + String.format(Locale.ROOT, "%09d", instant.getNano()),
        "+%Y-%m-%dT%H:%M:%S.%3NZ").strip();

    assertThat(EvidenceClock.format(instant)).isEqualTo(expected);
  }

  @Test
  void system_now_truncatedToMillisecondsAndCloseToTheSystemClock() {
    Instant before = Instant.now().minusMillis(1);

    Instant now = EvidenceClock.system().now();

    assertThat(now.getNano() % 1_000_000).isZero();
    assertThat(Duration.between(before, now)).isBetween(Duration.ZERO, Duration.ofSeconds(5));
  }
}
