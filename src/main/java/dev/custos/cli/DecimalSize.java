package dev.custos.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A size for people, in decimal units as drive makers label drives: {@code 4.19 MB}, {@code 500.1
 * GB}. Shown next to the exact byte count, never instead of it.
 */
final class DecimalSize {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private DecimalSize() {}

  /**
   * Below 1000 bytes, the bytes; above, three or four significant digits (two decimals below 100
   * of the unit, one above), rounded half up, moving to the next unit when rounding reaches 1000.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  static String of(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size must not be negative, got " + bytes);
    }
    if (bytes < 1000) {
      return bytes + " B";
    }
    BigDecimal value = BigDecimal.valueOf(bytes);
    int unit = 0;
    while (value.compareTo(THOUSAND) >= 0 && unit < UNITS.length - 1) {
      value = value.divide(THOUSAND);
      unit++;
    }
    BigDecimal rounded = round(value);
    if (rounded.compareTo(THOUSAND) >= 0 && unit < UNITS.length - 1) {
      // 999.96 kB rounds to 1000.0 kB: say 1.00 MB instead.
      rounded = round(value.divide(THOUSAND));
      unit++;
    }
    return rounded.toPlainString() + " " + UNITS[unit];
  }

  private static BigDecimal round(BigDecimal value) {
    BigDecimal twoDecimals = value.setScale(2, RoundingMode.HALF_UP);
    // Rounded from the value itself, not from the two decimals: 99.996 is 100.0, not 100.00.
    return twoDecimals.compareTo(BigDecimal.valueOf(100)) < 0 ? twoDecimals : value.setScale(1, RoundingMode.HALF_UP);
  }
}
