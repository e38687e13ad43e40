package dev.custos.source.driveidentity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a drive said about itself in one run of an acquisition: before its first read and after
 * its last, and every way the two differ, said plainly ("pending sectors 0 before, 8 after").
 * Immutable; read from the recorded transcripts, so the report and the terminal say the same.
 *
 * @param run the run, from 1
 * @param before what it said before the read
 * @param after what it said after the read; empty when it was not asked (the run ended before)
 * @param changes each fact that differs between before and after, in words; empty when none does
 *     or one side is unknown
 * @param disagreements each way the drive's own word differs from what the kernel said of the
 *     source (its serial number), in words
 * @param sinceEarlierRun each fact that differs between the drive's last word in the run before
 *     (after its read, else before it) and its word before this run's read, in words: a resumption
 *     that reads another drive (behind the same USB bridge, say) says so; empty for run 1
 */
public record DriveIdentity(int run, Said before, Optional<Said> after, List<String> changes, List<String> disagreements,
    List<String> sinceEarlierRun) {
  public DriveIdentity {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    changes = List.copyOf(changes);
    disagreements = List.copyOf(disagreements);
    sinceEarlierRun = List.copyOf(sinceEarlierRun);
  }

  /**
   * What the drive said at one moment.
   *
   * @param facts what its answers say, merged (smartctl first, then hdparm, then nvme-cli)
   * @param answered the queries it answered, by id
   * @param notAvailable each query that gave nothing, as {@code "id: reason"}
   */
  public record Said(DriveFacts facts, List<String> answered, List<String> notAvailable) {
    public Said {
      Objects.requireNonNull(facts, "facts");
      answered = List.copyOf(answered);
      notAvailable = List.copyOf(notAvailable);
    }

    /** Whether no query answered at all. */
    public boolean nothing() {
      return answered.isEmpty();
    }

    /**
     * {@code "not available (reason)"} on one line: the reason once when every one of several queries
     * gave the same (a file source), else each query's in turn, named ({@code "smartctl: reason"}).
     */
    public String notAvailableLine() {
      // One query: its name stays, so the line says which tool gave nothing.
      return "not available (" + (oneReason() && notAvailable.size() > 1 ? reasons().get(0) : String.join("; ", notAvailable)) + ")";
    }

    /** Whether every query that gave nothing gave it for the same reason (a file source, say). */
    public boolean oneReason() {
      return reasons().size() == 1;
    }

    private List<String> reasons() {
      return notAvailable.stream().map(entry -> entry.substring(entry.indexOf(": ") + 2)).distinct().toList();
    }

    /**
     * Who the drive says it is, on one line: {@code "ATA WDC WD10EZEX, serial WD-X, firmware 01.01A01,
     * 1000204886016 bytes, 7200 rpm"}; unknown facts are left out, none known says so.
     */
    public String identityLine() {
      List<String> parts = new ArrayList<>();
      String model = facts.protocol().map(protocol -> protocol + " ").orElse("") + facts.model().orElse("model unknown");
      parts.add(model);
      parts.add("serial " + facts.serial().orElse("unknown"));
      facts.firmware().ifPresent(firmware -> parts.add("firmware " + firmware));
      facts.capacityBytes().ifPresent(bytes -> parts.add(bytes + " bytes"));
      facts.namespaceBytes().ifPresent(bytes -> parts.add("namespace " + bytes + " bytes"));
      facts.rotationRate().ifPresent(rpm -> parts.add(rpm == 0 ? "solid state" : rpm + " rpm"));
      return String.join(", ", parts);
    }

    /**
     * What the drive says of its health, on one line: {@code "SMART PASSED, 12345 power-on hours,
     * reallocated 0, pending 0, offline uncorrectable 0, 31 °C"}; empty when it said nothing of it.
     */
    public Optional<String> healthLine() {
      List<String> parts = new ArrayList<>();
      facts.smartPassed().ifPresent(passed -> parts.add("SMART overall health " + HealthChanges.verdict(passed)));
      facts.powerOnHours().ifPresent(hours -> parts.add(hours + " power-on hours"));
      facts.reallocatedSectors().ifPresent(count -> parts.add("reallocated sectors " + count));
      facts.pendingSectors().ifPresent(count -> parts.add("pending sectors " + count));
      facts.offlineUncorrectable().ifPresent(count -> parts.add("offline uncorrectable " + count));
      facts.criticalWarning().ifPresent(bits -> parts.add("critical warning " + bits));
      facts.mediaErrors().ifPresent(count -> parts.add("media errors " + count));
      facts.percentageUsed().ifPresent(percent -> parts.add(percent + "% of rated endurance used"));
      facts.temperatureCelsius().ifPresent(celsius -> parts.add(celsius + " \u00b0C"));
      return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }
  }

  /**
   * The facts compared for {@link #changes} that the drive said both before and after the read, by
   * name ({@code "pending sectors"}); empty when it was not asked after. Only these can be "the same".
   */
  public List<String> compared() {
    return after.map(later -> HealthChanges.compared(before.facts(), later.facts())).orElse(List.of());
  }

  /**
   * The facts compared for {@link #changes} that the drive said on one side only (smartctl failed
   * before and answered after, say), by name: nothing can be said of whether they changed.
   */
  public List<String> notCompared() {
    return after.map(later -> HealthChanges.oneSided(before.facts(), later.facts())).orElse(List.of());
  }

  /**
   * One {@code DriveIdentity} per run recorded in {@code transcripts}, in run order.
   *
   * @param read the bytes of a transcript's file, checked against its recorded SHA-256 and size;
   *     empty with the reason when they cannot be read or do not match
   * @param kernelSerial the serial number the kernel reported for the source; null when none
   */
  public static List<DriveIdentity> of(List<Transcript> transcripts, Function<Transcript, Read> read, String kernelSerial) {
    TreeMap<Integer, List<Transcript>> runs = new TreeMap<>();
    for (Transcript transcript : transcripts) {
      runs.computeIfAbsent(transcript.run(), run -> new ArrayList<>()).add(transcript);
    }
    List<DriveIdentity> identities = new ArrayList<>();
    runs.forEach((run, ofRun) -> {
      Said before = said(ofRun, Moment.BEFORE, read);
      boolean asked = ofRun.stream().anyMatch(transcript -> transcript.moment() == Moment.AFTER);
      Optional<Said> after = asked ? Optional.of(said(ofRun, Moment.AFTER, read)) : Optional.empty();
      List<String> changes = after.map(later -> HealthChanges.between(before.facts(), later.facts())).orElse(List.of());
      List<String> sinceEarlier = List.of();
      if (!identities.isEmpty() && !before.nothing()) {
        DriveIdentity earlier = identities.get(identities.size() - 1);
        Said last = earlier.after().filter(said -> !said.nothing()).orElse(earlier.before());
        if (!last.nothing()) {
          sinceEarlier = HealthChanges.between(last.facts(), before.facts(),
              (last == earlier.before() ? "before" : "at the end of") + " run " + earlier.run(), "before run " + run);
        }
      }
      identities.add(new DriveIdentity(run, before, after, changes, disagreements(before, after, kernelSerial), sinceEarlier));
    });
    return identities;
  }

  /**
   * A transcript's bytes as read back, or why they cannot be trusted.
   *
   * @param bytes the file's bytes, when they match what was recorded
   * @param problem why not, in one line
   */
  public record Read(Optional<byte[]> bytes, Optional<String> problem) {
    public Read {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(problem, "problem");
      bytes = bytes.map(byte[]::clone);
    }

    public static Read of(byte[] bytes) {
      return new Read(Optional.of(bytes), Optional.empty());
    }

    public static Read failed(String problem) {
      return new Read(Optional.empty(), Optional.of(problem));
    }
  }

  private static Said said(List<Transcript> ofRun, Moment moment, Function<Transcript, Read> read) {
    DriveFacts smartctl = DriveFacts.NONE;
    DriveFacts others = DriveFacts.NONE;
    List<String> answered = new ArrayList<>();
    List<String> notAvailable = new ArrayList<>();
    for (Transcript transcript : ofRun) {
      if (transcript.moment() != moment) {
        continue;
      }
      Answer answer;
      if (transcript.notAvailable().isPresent()) {
        answer = Answer.notAvailable(transcript.notAvailable().get());
      } else if (transcript.file().isEmpty()) {
        answer = Answer.notAvailable("it printed nothing");
      } else {
        Read bytes = read.apply(transcript);
        answer = bytes.bytes().isEmpty() ? Answer.notAvailable(bytes.problem().orElse("its transcript cannot be read"))
            : Answer.of(transcript.query(), QueryOutput.exited(transcript.exitCode().orElse(0), bytes.bytes().get(), ""));
      }
      if (answer.notAvailable().isPresent()) {
        notAvailable.add(transcript.query().id() + ": " + answer.notAvailable().get());
      } else {
        answered.add(transcript.query().id());
        if (transcript.query() == DriveQuery.SMARTCTL) {
          smartctl = answer.facts();
        } else {
          others = others.orElse(answer.facts());
        }
      }
    }
    return new Said(smartctl.orElse(others), answered, notAvailable);
  }

  private static List<String> disagreements(Said before, Optional<Said> after, String kernelSerial) {
    List<String> disagreements = new ArrayList<>();
    Optional<String> drive = before.facts().serial().or(() -> after.flatMap(said -> said.facts().serial()));
    if (drive.isPresent() && kernelSerial != null && !kernelSerial.isBlank()
        && !drive.get().strip().equalsIgnoreCase(kernelSerial.strip())) {
      disagreements.add("the drive reports serial number " + drive.get() + ", the kernel reported " + kernelSerial.strip()
          + " for the source (a USB bridge or enclosure may report its own)");
    }
    return disagreements;
  }

}
