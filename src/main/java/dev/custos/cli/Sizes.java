package dev.custos.cli;

import java.util.Locale;

/** Sizes and rates for people: exact bytes stay in the manifest; these are for reading. */
final class Sizes {
  private Sizes() {}

  /** Decimal units, as drive makers label drives: {@code 1.47 MB}, {@code 500.1 GB}. */
  static String human(long bytes) {
    return DecimalSize.of(bytes);
  }

  static String rate(double bytesPerSecond) {
    return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
  }

  /** A span to the millisecond, in seconds: {@code 0.701 s}, {@code 2712.004 s}. */
  static String seconds(java.time.Duration span) {
    return String.format(Locale.ROOT, "%d.%03d s", span.toSeconds(), span.toMillisPart());
  }

  static String duration(long seconds) {
    if (seconds < 0) {
      return "--:--:--";
    }
    return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
