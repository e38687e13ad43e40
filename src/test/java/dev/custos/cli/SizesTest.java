package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

  @ParameterizedTest(name = "{0} s read ''{1}''")
  @CsvSource({"0, 0:00:00", "59, 0:00:59", "3600, 1:00:00", "43261, 12:01:01", "-1, --:--:--"})
  void duration_seconds_hoursMinutesSeconds(long seconds, String expected) {
    assertThat(Sizes.duration(seconds)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} B/s read ''{1}''")
  @CsvSource({"0, 0.0 MB/s", "150000000, 150.0 MB/s", "1234567, 1.2 MB/s"})
  void rate_bytesPerSecond_decimalMegabytes(double bytesPerSecond, String expected) {
    assertThat(Sizes.rate(bytesPerSecond)).isEqualTo(expected);
  }
}
