package dev.custos.cli;

import java.util.Locale;

/** Sizes and rates for people: exact bytes stay in the manifest; these are for reading. */
final class Sizes {
  private Sizes() {}

  /** Decimal units, as drive makers label drives: {@code 1.47 MB}, {@code 500 GB}, three significant digits. */
  static String human(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = -1;
    // Compare with the values that round up (999.5, 9.995, 99.95), not 1000, 10, 100: 999,999
    // bytes read "1.00 MB", not "1000 kB", and 9,995 bytes "10.0 kB", not "10.00 kB".
    while (value >= 999.5 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, value < 9.995 ? "%.2f %s" : value < 99.95 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  }

  static String rate(double bytesPerSecond) {
    return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
  }

  static String duration(long seconds) {
    if (seconds < 0) {
      return "--:--:--";
    }
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
