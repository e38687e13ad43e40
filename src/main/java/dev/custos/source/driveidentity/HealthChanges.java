package dev.custos.source.driveidentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every way a drive's word after a read differs from its word before: its identity (another
 * drive?) and its health counters (did reading it wear it?). Temperature and power-on hours are
 * expected to move and are not changes. A fact known on one side only is no change: nothing is
 * claimed of what was not said. Stateless.
 */
final class HealthChanges {
  private HealthChanges() {}

  static List<String> between(DriveFacts before, DriveFacts after) {
    return between(before, after, "before", "after");
  }

  /** As {@link #between(DriveFacts, DriveFacts)}, each side named as given ("at the end of run 1", "before run 2"). */
  static List<String> between(DriveFacts before, DriveFacts after, String first, String second) {
    List<String> changes = new ArrayList<>();
    text(changes, "model", before.model(), after.model(), first, second);
    text(changes, "serial number", before.serial(), after.serial(), first, second);
    text(changes, "firmware", before.firmware(), after.firmware(), first, second);
    count(changes, "capacity (bytes)", before.capacityBytes(), after.capacityBytes(), first, second);
    if (before.smartPassed().isPresent() && after.smartPassed().isPresent()
        && !before.smartPassed().get().equals(after.smartPassed().get())) {
      changes.add("SMART overall health " + verdict(before.smartPassed().get()) + " " + first + ", "
          + verdict(after.smartPassed().get()) + " " + second);
    }
    count(changes, "reallocated sectors", before.reallocatedSectors(), after.reallocatedSectors(), first, second);
    count(changes, "pending sectors", before.pendingSectors(), after.pendingSectors(), first, second);
    count(changes, "offline uncorrectable sectors", before.offlineUncorrectable(), after.offlineUncorrectable(), first, second);
    count(changes, "NVMe critical warning", before.criticalWarning(), after.criticalWarning(), first, second);
    count(changes, "NVMe media errors", before.mediaErrors(), after.mediaErrors(), first, second);
    count(changes, "NVMe percentage used", before.percentageUsed(), after.percentageUsed(), first, second);
    return changes;
  }

  /** The names of the facts {@link #between} compares that {@code before} and {@code after} both said. */
  static List<String> compared(DriveFacts before, DriveFacts after) {
    return said(before, after, true);
  }

  /** The names of the facts {@link #between} compares that only one of {@code before} and {@code after} said. */
  static List<String> oneSided(DriveFacts before, DriveFacts after) {
    return said(before, after, false);
  }

  private static List<String> said(DriveFacts before, DriveFacts after, boolean both) {
    boolean[][] known = {
        {before.model().isPresent(), after.model().isPresent()},
        {before.serial().isPresent(), after.serial().isPresent()},
        {before.firmware().isPresent(), after.firmware().isPresent()},
        {before.capacityBytes().isPresent(), after.capacityBytes().isPresent()},
        {before.smartPassed().isPresent(), after.smartPassed().isPresent()},
        {before.reallocatedSectors().isPresent(), after.reallocatedSectors().isPresent()},
        {before.pendingSectors().isPresent(), after.pendingSectors().isPresent()},
        {before.offlineUncorrectable().isPresent(), after.offlineUncorrectable().isPresent()},
        {before.criticalWarning().isPresent(), after.criticalWarning().isPresent()},
        {before.mediaErrors().isPresent(), after.mediaErrors().isPresent()},
        {before.percentageUsed().isPresent(), after.percentageUsed().isPresent()}};
    String[] names = {"model", "serial number", "firmware", "capacity (bytes)", "SMART overall health", "reallocated sectors",
        "pending sectors", "offline uncorrectable sectors", "NVMe critical warning", "NVMe media errors",
        "NVMe percentage used"};
    List<String> said = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (both ? known[i][0] && known[i][1] : known[i][0] != known[i][1]) {
        said.add(names[i]);
      }
    }
    return said;
  }

  static String verdict(boolean passed) {
    return passed ? "PASSED" : "FAILED";
  }

  private static void text(List<String> changes, String what, Optional<String> before, Optional<String> after, String first,
      String second) {
    if (before.isPresent() && after.isPresent() && !before.get().equals(after.get())) {
      changes.add(what + " " + before.get() + " " + first + ", " + after.get() + " " + second);
    }
  }

  private static void count(List<String> changes, String what, OptionalLong before, OptionalLong after, String first,
      String second) {
    if (before.isPresent() && after.isPresent() && before.getAsLong() != after.getAsLong()) {
      changes.add(what + " " + before.getAsLong() + " " + first + ", " + after.getAsLong() + " " + second);
    }
  }
}
