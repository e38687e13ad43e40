package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SizesTest {

  @ParameterizedTest(name = "{0} bytes read ''{1}''")
  @CsvSource({
      "0, 0 B",
      "1, 1 B",
      "512, 512 B",
      "999, 999 B",
      "1000, 1.00 kB",
      "1023, 1.02 kB",
      "1474560, 1.47 MB",          // a 3.5-inch floppy
      "12345, 12.3 kB",
      "123456, 123 kB",
      "500107862016, 500 GB",      // a '500 GB' drive
      "2000398934016, 2.00 TB",
      "9223372036854775807, 9.22 EB",
  })
  void human_anySize_threeSignificantDigitsInDecimalUnits(long bytes, String expected) {
    assertThat(Sizes.human(bytes)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} bytes read ''{1}''")
  @CsvSource({
      "9995, 10.0 kB",
      "99949, 99.9 kB",
      "99950, 100 kB",
      "999499, 999 kB",
      "999500, 1.00 MB",
      "999999, 1.00 MB",
      "999999999, 1.00 GB",
      "999999999999999999, 1.00 EB",
  })
  void human_roundingUpToTheNextPowerOfTen_stillThreeDigits(long bytes, String expected) {
    assertThat(Sizes.human(bytes)).isEqualTo(expected);
  }

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
