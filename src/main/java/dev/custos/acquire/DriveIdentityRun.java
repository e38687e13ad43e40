package dev.custos.acquire;

import dev.custos.source.SourceIdentity;
import dev.custos.source.driveidentity.Moment;
import dev.custos.source.driveidentity.Transcript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The drive identity of one run of an acquisition: asked before its first read, and once more
 * after its last, however the run ended. Called from the reading thread only.
 */
final class DriveIdentityRun {
  private final DriveIdentityCapture capture;
  private final SourceIdentity source;
  private final Path directory;
  private final int run;
  private final List<Transcript> beforeAndEarlier;
  private final List<Transcript> thisRunBefore;
  private Optional<List<Transcript>> all = Optional.empty();

  private DriveIdentityRun(DriveIdentityCapture capture, SourceIdentity source, Path directory, int run,
      List<Transcript> beforeAndEarlier, List<Transcript> thisRunBefore) {
    this.capture = capture;
    this.source = source;
    this.directory = directory;
    this.run = run;
    this.beforeAndEarlier = List.copyOf(beforeAndEarlier);
    this.thisRunBefore = List.copyOf(thisRunBefore);
  }

  /**
   * Asks the drive now, before the run's first read.
   *
   * @param earlier the transcripts of the runs before, as their interruption's manifest records them
   * @throws InterruptedException if interrupted while a query ran
   */
  static DriveIdentityRun before(DriveIdentityCapture capture, SourceIdentity source, Path directory, List<Transcript> earlier)
      throws InterruptedException {
    int run = Math.max(DriveIdentityCapture.nextRun(directory),
        earlier.stream().mapToInt(Transcript::run).max().orElse(0) + 1);
    List<Transcript> before = capture.capture(source, directory, run, Moment.BEFORE);
    List<Transcript> transcripts = new ArrayList<>(earlier);
    transcripts.addAll(before);
    return new DriveIdentityRun(capture, source, directory, run, transcripts, before);
  }

  /** What the drive said before this run's first read: recorded in the event that begins the run. */
  List<Transcript> thisRunBefore() {
    return thisRunBefore;
  }

  /**
   * Asks the drive again, after the run's last read, the first time this is called.
   *
   * @return every transcript of the acquisition so far: the earlier runs', then this run's before and after
   * @throws InterruptedException if interrupted while a query ran
   */
  List<Transcript> afterRead() throws InterruptedException {
    if (all.isEmpty()) {
      List<Transcript> transcripts = new ArrayList<>(beforeAndEarlier);
      transcripts.addAll(capture.capture(source, directory, run, Moment.AFTER));
      all = Optional.of(List.copyOf(transcripts));
    }
    return all.get();
  }
}
