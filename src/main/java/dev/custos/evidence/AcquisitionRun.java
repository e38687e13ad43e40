package dev.custos.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One run of a resumed acquisition: from the custody event that began it ({@code
 * acquisition-started} or {@code -resumed}) to where it stopped, with the read rate it sampled.
 * Time between runs, when nothing ran, is no part of the acquisition's duration. Immutable.
 *
 * @param started when it began: the time of the custody event that opened it
 * @param ended when it stopped: the end its manifest records; for a run that ended without a
 *     record (a crash, {@code kill -9}, a power cut), its last sample in the progress record
 * @param endRecorded whether {@code ended} is the end a manifest or custody event recorded, or
 *     only the last progress recorded before the run died
 * @param rateSamples bytes handed on by each point of the run, milliseconds since its start
 * @throws IllegalArgumentException if it ends before it starts
 */
public record AcquisitionRun(Instant started, Instant ended, boolean endRecorded, List<Manifest.RateSample> rateSamples) {
  public AcquisitionRun {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    if (ended.isBefore(started)) {
      throw new IllegalArgumentException("run ends at " + ended + ", before its start " + started);
    }
    rateSamples = List.copyOf(rateSamples);
  }

  /** How long it ran. */
  public Duration duration() {
    return Duration.between(started, ended);
  }

  /**
   * What the figures cannot show, said in words: the runs add up to more than the span only when
   * the workstation's clock was set back between runs, and then the stopped time is not known.
   * Nothing otherwise. The one wording of the summary and the report.
   */
  public static String clockNote(Duration span, Duration runsTogether) {
    return span.compareTo(runsTogether) < 0
        ? "; the workstation's clock was set back between runs (the runs add up to more than the span), so the stopped time"
            + " is not known"
        : "";
  }

  /**
   * What the duration of {@code runs} rests on where a run died without recording its end: "; run 1
   * died without recording its end: counted to its last recorded progress"; nothing when every run
   * recorded its end. The one wording of the summary and the report.
   */
  public static String unrecordedEnds(List<AcquisitionRun> runs) {
    List<String> unrecorded = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (!runs.get(i).endRecorded()) {
        unrecorded.add(Integer.toString(i + 1));
      }
    }
    if (unrecorded.isEmpty()) {
      return "";
    }
    return unrecorded.size() == 1
        ? "; run " + unrecorded.get(0) + " died without recording its end: counted to its last recorded progress"
        : "; runs " + String.join(", ", unrecorded) + " died without recording their ends: each counted to its last recorded"
            + " progress";
  }
}
