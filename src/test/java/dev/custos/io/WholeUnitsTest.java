package dev.custos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WholeUnitsTest {

  @ParameterizedTest(name = "{0} in units of {1}: {2}")
  @CsvSource({"512, 512, true", "4096, 512, true", "0, 512, false", "-512, 512, false", "513, 512, false", "650000000, 512, false",
      "9223372036854775807, 1, true"})
  void fits_positiveWholeNumberOfUnitsOnly(long size, long unit, boolean expected) {
    assertThat(WholeUnits.fits(size, unit)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} in units of {2}")
  @CsvSource(delimiter = '|', value = {
      "segment size | 650000000 | 512 | 9223372036854775807 | segment size 650000000 bytes is not a whole number of 512-byte sectors: say 649999872 or 650000384",
      "segment size | 511 | 512 | 9223372036854775807 | segment size 511 bytes is not a whole number of 512-byte sectors: say 512",
      "segment size | 0 | 512 | 9223372036854775807 | segment size must be positive, got 0",
      "segment size | -1 | 512 | 9223372036854775807 | segment size must be positive, got -1",
      "block size | 268435457 | 4096 | 268435456 | block size 268435457 bytes is not a whole number of 512-byte sectors: say 268435456",
      "segment size | 9223372036854775807 | 512 | 9223372036854775807 | segment size 9223372036854775807 bytes is not a whole number of 512-byte sectors: say 9223372036854775296"})
  void refusal_namesTheSizeAndTheNearestThatFit(String what, long size, long unit, long max, String expected) {
    assertThat(WholeUnits.refusal(what, size, unit, "512-byte sectors", max)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"512, 512", "1, 0"})
  void refusal_ofASizeThatFitsOrAZeroUnit_isAProgrammingError(long size, long unit) {
    assertThatIllegalArgumentException().isThrownBy(() -> WholeUnits.refusal("x", size, unit, "units", Long.MAX_VALUE));
  }
}
