package dev.custos.source.driveidentity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One identity query as the manifest records it: what ran, when, how it ended, the file that holds
 * what it printed, and, when the drive's identity is not to be had from it, why. Immutable.
 *
 * @param run the acquisition's run the query belongs to: 1, then one more for each resumption
 * @param moment before the run's first read, or after its last
 * @param query which query
 * @param command the command line run, word for word; empty when none ran (tool not installed, a
 *     file source)
 * @param started when it was started (or found not to apply), UTC
 * @param ended when it ended, or was given up at its time limit, UTC
 * @param exitCode its exit status; empty when none ran, or it was killed at its time limit
 * @param file the transcript in the evidence directory: stdout byte for byte; empty when it
 *     printed nothing
 * @param notAvailable why the drive's identity is not to be had from this query, in one line;
 *     empty when it answered
 */
public record Transcript(int run, Moment moment, DriveQuery query, List<String> command, Instant started, Instant ended,
    OptionalInt exitCode, Optional<TranscriptFile> file, Optional<String> notAvailable) {

  public Transcript {
    Objects.requireNonNull(moment, "moment");
    Objects.requireNonNull(query, "query");
    command = List.copyOf(command);
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(ended, "ended");
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(notAvailable, "notAvailable");
    if (run < 1) {
      throw new IllegalArgumentException("a run is numbered from 1, got " + run);
    }
    if (ended.isBefore(started)) {
      throw new IllegalArgumentException("query ended " + ended + " before it started " + started);
    }
    if (command.isEmpty() && (file.isPresent() || exitCode.isPresent() || notAvailable.isEmpty())) {
      throw new IllegalArgumentException("a query that did not run has no output and says why");
    }
  }

  /** Whether the drive answered this query. */
  public boolean answered() {
    return notAvailable.isEmpty();
  }

  /**
   * A transcript file as recorded.
   *
   * @param name its name in the evidence directory ({@link #NAME})
   * @param sizeBytes its size
   * @param sha256 its SHA-256, lowercase hex
   */
  public record TranscriptFile(String name, long sizeBytes, String sha256) {
    /** {@code drive-identity-RUN-MOMENT-QUERY.EXT}: the names Custos gives transcripts. */
    public static final Pattern NAME =
        Pattern.compile("drive-identity-[1-9][0-9]{0,8}-(before|after)-(hdparm|smartctl|nvme-id-ctrl|nvme-id-ns|nvme-list-ns)\\.(txt|json)");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public TranscriptFile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sha256, "sha256");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("'" + name + "' is not the name of a drive identity transcript");
      }
      if (sizeBytes < 0 || !SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException("transcript " + name + ": size " + sizeBytes + ", SHA-256 '" + sha256 + "'");
      }
    }

    /** The name of the transcript of {@code query} at {@code moment} of run {@code run}. */
    public static String nameOf(int run, Moment moment, DriveQuery query) {
      return "drive-identity-" + run + "-" + moment.id() + "-" + query.id() + "." + query.extension();
    }
  }
}
