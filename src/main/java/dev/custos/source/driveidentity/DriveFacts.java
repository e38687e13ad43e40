package dev.custos.source.driveidentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a drive said about itself at one moment, read from its transcripts. Every fact is empty
 * where no transcript said it: unknown, never guessed. Immutable.
 *
 * @param protocol ATA, NVMe or SCSI, as smartctl names the protocol it spoke
 * @param model the model as the drive reports it
 * @param serial the serial number as the drive reports it
 * @param firmware the firmware revision
 * @param capacityBytes the user capacity (the visible sectors times the logical sector size)
 * @param rotationRate revolutions per minute; 0 for a solid-state drive (NVMe included)
 * @param smartPassed smartctl's overall health assessment: true PASSED, false FAILED
 * @param powerOnHours hours powered on
 * @param reallocatedSectors ATA attribute 5, Reallocated_Sector_Ct, raw
 * @param pendingSectors ATA attribute 197, Current_Pending_Sector, raw
 * @param offlineUncorrectable ATA attribute 198, Offline_Uncorrectable, raw
 * @param temperatureCelsius the current temperature
 * @param criticalWarning NVMe SMART log: Critical Warning, a bit field (0 none)
 * @param mediaErrors NVMe SMART log: Media and Data Integrity Errors
 * @param percentageUsed NVMe SMART log: Percentage Used of the rated endurance
 * @param namespaceBytes NVMe: the size of the namespace read, from Identify Namespace
 * @param notes what smartctl's exit status says beside the identity (error log entries, a
 *     threshold crossed), in words; empty for none
 */
public record DriveFacts(Optional<String> protocol, Optional<String> model, Optional<String> serial, Optional<String> firmware,
    OptionalLong capacityBytes, OptionalLong rotationRate, Optional<Boolean> smartPassed, OptionalLong powerOnHours,
    OptionalLong reallocatedSectors, OptionalLong pendingSectors, OptionalLong offlineUncorrectable,
    OptionalLong temperatureCelsius, OptionalLong criticalWarning, OptionalLong mediaErrors, OptionalLong percentageUsed,
    OptionalLong namespaceBytes, List<String> notes) {

  /** The most characters of a text a drive reports that are kept: ATA and NVMe give 40 at most, SCSI fewer. */
  static final int MOST_CHARACTERS = 200;

  /**
   * {@code text} as a fact: whole when it has at most {@link #MOST_CHARACTERS} characters, else
   * its first ones and how many there were (a drive or bridge that says megabytes would hold up
   * the report; the transcript keeps every byte).
   */
  static Optional<String> bounded(Optional<String> text) {
    return text.map(value -> value.length() <= MOST_CHARACTERS ? value
        : value.substring(0, MOST_CHARACTERS) + "\u2026 (" + value.length() + " characters in all; the transcript holds them)");
  }

  /** Nothing known. */
  public static final DriveFacts NONE = new DriveFacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
      OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
      OptionalLong.empty(), OptionalLong.empty(), List.of());

  public DriveFacts {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(firmware, "firmware");
    Objects.requireNonNull(smartPassed, "smartPassed");
    for (OptionalLong count : List.of(capacityBytes, rotationRate, powerOnHours, reallocatedSectors, pendingSectors,
        offlineUncorrectable, criticalWarning, mediaErrors, percentageUsed, namespaceBytes)) {
      if (count.isPresent() && count.getAsLong() < 0) {
        throw new IllegalArgumentException("a drive's count must not be negative, got " + count.getAsLong());
      }
    }
    notes = List.copyOf(notes);
  }

  /**
   * These facts, each empty one taken from {@code other}: what one query did not say, another
   * may have. The notes of both are kept.
   */
  public DriveFacts orElse(DriveFacts other) {
    List<String> allNotes = new ArrayList<>(notes);
    other.notes.stream().filter(note -> !allNotes.contains(note)).forEach(allNotes::add);
    return new DriveFacts(protocol.or(other::protocol), model.or(other::model), serial.or(other::serial),
        firmware.or(other::firmware), or(capacityBytes, other.capacityBytes), or(rotationRate, other.rotationRate),
        smartPassed.or(other::smartPassed), or(powerOnHours, other.powerOnHours),
        or(reallocatedSectors, other.reallocatedSectors), or(pendingSectors, other.pendingSectors),
        or(offlineUncorrectable, other.offlineUncorrectable), or(temperatureCelsius, other.temperatureCelsius),
        or(criticalWarning, other.criticalWarning), or(mediaErrors, other.mediaErrors), or(percentageUsed, other.percentageUsed),
        or(namespaceBytes, other.namespaceBytes), allNotes);
  }

  /** Whether any fact at all is known. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  private static OptionalLong or(OptionalLong first, OptionalLong second) {
    return first.isPresent() ? first : second;
  }

  /** Builds facts one at a time; for the parsers. */
  static final class Builder {
    Optional<String> protocol = Optional.empty();
    Optional<String> model = Optional.empty();
    Optional<String> serial = Optional.empty();
    Optional<String> firmware = Optional.empty();
    OptionalLong capacityBytes = OptionalLong.empty();
    OptionalLong rotationRate = OptionalLong.empty();
    Optional<Boolean> smartPassed = Optional.empty();
    OptionalLong powerOnHours = OptionalLong.empty();
    OptionalLong reallocatedSectors = OptionalLong.empty();
    OptionalLong pendingSectors = OptionalLong.empty();
    OptionalLong offlineUncorrectable = OptionalLong.empty();
    OptionalLong temperatureCelsius = OptionalLong.empty();
    OptionalLong criticalWarning = OptionalLong.empty();
    OptionalLong mediaErrors = OptionalLong.empty();
    OptionalLong percentageUsed = OptionalLong.empty();
    OptionalLong namespaceBytes = OptionalLong.empty();
    final List<String> notes = new ArrayList<>();

    DriveFacts build() {
      return new DriveFacts(protocol, model, serial, firmware, capacityBytes, rotationRate, smartPassed, powerOnHours,
          reallocatedSectors, pendingSectors, offlineUncorrectable, temperatureCelsius, criticalWarning, mediaErrors,
          percentageUsed, namespaceBytes, notes);
    }
  }
}
