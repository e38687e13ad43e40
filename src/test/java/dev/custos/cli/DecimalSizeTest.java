package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DecimalSizeTest {

  @ParameterizedTest(name = "{0} bytes = {1}")
  @CsvSource({
      "0, 0 B",
      "1, 1 B",
      "512, 512 B",
      "999, 999 B",
      "1000, 1.00 kB",
      "1474560, 1.47 MB",
      "4194304, 4.19 MB",
      "16777216, 16.78 MB",
      "99994999, 99.99 MB",
      "99995000, 100.0 MB",
      "536870912, 536.9 MB",
      "999949999, 999.9 MB",
      "999950000, 1.00 GB",
      "500107862016, 500.1 GB",
      "4000787030016, 4.00 TB",
      "9223372036854775807, 9.22 EB"})
  void of_decimalUnitsRoundedHalfUp(long bytes, String expected) {
    assertThat(DecimalSize.of(bytes)).isEqualTo(expected);
  }

  @Test
  void of_negative_rejectedNamingTheValue() {
    assertThatThrownBy(() -> DecimalSize.of(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }
}
