package dev.custos.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How facts read in the report: digests in groups of eight, sizes, durations, rates, missing values. */
final class Formats {
  static final String NOT_RECORDED = "not recorded";

  private Formats() {}

  /** Lowercase hex in groups of 8 digits, {@code perLine} groups a line: "a849b99b 9c1b133e …". */
  static String hexGroups(String hex, int perLine) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int inLine = 0;
    for (int i = 0; i < hex.length(); i += 8) {
      if (inLine == perLine) {
        lines.add(line.toString());
        line.setLength(0);
        inLine = 0;
      }
      line.append(inLine == 0 ? "" : " ").append(hex, i, Math.min(hex.length(), i + 8));
      inLine++;
    }
    lines.add(line.toString());
    return String.join("\n", lines);
  }

  /** "1474560 bytes (1.47 MB)": exact, then decimal units as drive makers count. */
  static String bytes(long count) {
    String exact = count + (count == 1 ? " byte" : " bytes");
    if (count < 1000) {
      return exact;
    }
    String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
    double value = count;
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return exact + String.format(Locale.ROOT, " (%.2f %s)", value, units[unit]);
  }

  /** "0.076 s", or "1 h 02 min 03.400 s" past a minute. */
  static String duration(long millis) {
    long seconds = millis / 1000;
    String fraction = String.format(Locale.ROOT, "%02d.%03d s", seconds % 60, millis % 1000);
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%d.%03d s", seconds, millis % 1000);
    }
    if (seconds < 3600) {
      return (seconds / 60) + " min " + fraction;
    }
    return String.format(Locale.ROOT, "%d h %02d min ", seconds / 3600, seconds / 60 % 60) + fraction;
  }

  /** "19.4 MB/s" (10^6 bytes a second). */
  static String rate(long bytesPerSecond) {
    return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
  }

  /** The node's text, or "not recorded" for a missing or null node. */
  static String text(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull() ? NOT_RECORDED : node.asText();
  }

  /** The text, or "not recorded" for null. */
  static String text(String value) {
    return value == null ? NOT_RECORDED : value;
  }

  /** The number, or "not recorded" for null. */
  static String text(Long value) {
    return value == null ? NOT_RECORDED : value.toString();
  }

  static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /** "yes" or "no" for a boolean node, "not recorded" otherwise. */
  static String yesNo(JsonNode node) {
    return node != null && node.isBoolean() ? (node.booleanValue() ? "yes" : "no") : NOT_RECORDED;
  }

  /**
   * "1474560 bytes (1.47 MB) = 2880 sectors of 512 bytes"; a size that is not a whole number of
   * sectors says so: "1000 bytes (1.00 kB): 1 whole sector of 512 bytes and 488 bytes".
   */
  static String sizeInSectors(long bytes, int sectorSize) {
    if (sectorSize <= 0) {
      return bytes(bytes) + ", sector size " + NOT_RECORDED;
    }
    long whole = bytes / sectorSize;
    long rest = bytes % sectorSize;
    String sectors = plural(whole, "sector", "sectors") + " of " + sectorSize + " bytes";
    return rest == 0 ? bytes(bytes) + " = " + sectors
        : bytes(bytes) + ": " + plural(whole, "whole sector", "whole sectors") + " of " + sectorSize + " bytes and "
            + (rest == 1 ? "1 byte" : rest + " bytes");
  }

  static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }
}
