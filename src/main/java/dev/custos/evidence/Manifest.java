package dev.custos.evidence;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageLayout;
import dev.custos.rescue.Area;
import dev.custos.rescue.AreaState;
import dev.custos.rescue.PhaseRecord;
import dev.custos.rescue.RescueOptions;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import dev.custos.source.WriteBlock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The manifest of an acquisition, {@code acquisition.json}: everything an examiner, a court or a
 * later verification needs to know of it. Immutable; {@link ManifestJson} writes it, {@code
 * evidence-schema/acquisition.schema.json} specifies its JSON.
 *
 * @param formatVersion the manifest format, {@link #FORMAT_VERSION}
 * @param tool the tool and version that acquired
 * @param caseInfo case, evidence, examiner, description, notes
 * @param host the workstation
 * @param source what was read
 * @param writeBlock how the source was protected from writes
 * @param parameters the options the acquisition ran with
 * @param imageFiles the image files, in order, with their sizes
 * @param digests digests of the whole image, one per algorithm; empty unless completed
 * @param pieces per-piece digests of every piece completed
 * @param badSectors unreadable sectors (zero-filled in the image) and recovered read errors
 * @param timing start and end
 * @param rateSamples bytes read over time, for the read-rate graph
 * @param outcome how it ended
 * @param resumptions each time an interrupted acquisition was resumed, in order; empty for one
 *     that ran in one go
 * @param sourceStates the source's state before and after the last read, and what changed; null
 *     when not taken
 * @param rescue how the reads that failed were rescued; empty when none failed
 * @param e01 what a finished E01 set holds; empty for a raw image or an E01 set not finished
 * @param provenance where the source came from when it is the image of another Custos
 *     acquisition (a conversion), and whether its digests were found equal; empty otherwise
 * @param partitions the source's partition table as read from the finished image; empty when the
 *     acquisition did not complete
 * @param invocation the command line that started the acquisition, where and into which directory;
 *     empty when it was not started from the command line (a library call, a test)
 * @param driveIdentity what the drive said about itself, one query a line, before and after the
 *     read of each run (the earlier runs' carried over from their interruptions); empty for none
 */
public record Manifest(
    int formatVersion,
    ToolInfo tool,
    CaseInfo caseInfo,
    HostInfo host,
    SourceIdentity source,
    WriteBlock writeBlock,
    Parameters parameters,
    List<ImageFile> imageFiles,
    List<Digest> digests,
    Pieces pieces,
    BadSectors badSectors,
    Timing timing,
    List<RateSample> rateSamples,
    Outcome outcome,
    List<Resumption> resumptions,
    SourceStates sourceStates,
    Optional<Rescue> rescue,
    Optional<E01Content> e01,
    Optional<Provenance> provenance,
    Optional<Partitions> partitions,
    Optional<Invocation> invocation,
    List<dev.custos.source.driveidentity.Transcript> driveIdentity) {

  /** The manifest format this build writes and reads. */
  public static final int FORMAT_VERSION = 1;

  public Manifest {
    RecordMembers.requireNonNull("tool caseInfo host source writeBlock parameters pieces badSectors timing outcome", tool, caseInfo,
        host, source, writeBlock, parameters, pieces, badSectors, timing, outcome);
    imageFiles = List.copyOf(imageFiles);
    digests = List.copyOf(digests);
    rateSamples = List.copyOf(rateSamples);
    resumptions = List.copyOf(resumptions);
    Objects.requireNonNull(rescue, "rescue");
    Objects.requireNonNull(e01, "e01");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(partitions, "partitions");
    Objects.requireNonNull(invocation, "invocation");
    driveIdentity = List.copyOf(driveIdentity);
  }

  /**
   * The source's partition table, and what of the image it was read from.
   *
   * @param table the table read
   * @param readFrom the whole image, or the first bytes of an E01 set (read sequentially, so the
   *     backup GPT header at its end was not checked)
   */
  public record Partitions(dev.custos.partition.PartitionTable table, String readFrom) {
    public Partitions {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(readFrom, "readFrom");
    }
  }

  /**
   * The evidence directory a source image belongs to: an acquisition of it (to E01, say) is a
   * conversion, whose worth rests on the image being the one that acquisition recorded.
   *
   * @param directory the evidence directory, as given
   * @param imageFile the image file in it that is the source
   * @param manifestSha256 the SHA-256 of its {@code acquisition.json} as read
   * @param status that acquisition's status as its manifest records it
   * @param recorded the whole-image digests its manifest records (empty unless it completed)
   * @param digestsEqual whether the digests computed now of the same algorithms equal them: empty
   *     until computed, or when none was recorded
   */
  public record Provenance(String directory, String imageFile, String manifestSha256, String status, List<Digest> recorded,
      Optional<Boolean> digestsEqual) {
    public Provenance {
      RecordMembers.requireNonNull("directory imageFile manifestSha256 status digestsEqual", directory, imageFile, manifestSha256,
          status, digestsEqual);
      recorded = List.copyOf(recorded);
    }

    /** This provenance with the outcome of comparing the digests. */
    public Provenance compared(boolean equal) {
      return new Provenance(directory, imageFile, manifestSha256, status, recorded, Optional.of(equal));
    }
  }

  /**
   * What the segment files of a finished E01 set hold.
   *
   * @param mediaSizeBytes bytes of media: the image as read from the source
   * @param chunkSize bytes of media per chunk
   * @param chunks chunks in the set
   * @param compressedChunks of those, the ones stored zlib-compressed
   */
  public record E01Content(long mediaSizeBytes, int chunkSize, long chunks, long compressedChunks) {
    public E01Content {
      if (mediaSizeBytes < 0 || chunkSize < 512 || chunks < 0 || compressedChunks < 0 || compressedChunks > chunks) {
        throw new IllegalArgumentException("E01 content out of range: " + mediaSizeBytes + " bytes, chunks of " + chunkSize + ", "
            + compressedChunks + " of " + chunks + " chunks compressed");
      }
    }
  }

  /**
   * The rescue of the reads that failed, as GNU ddrescue would map it: what was asked, each phase
   * with its times, and every area not read at the end (zero in the image) with its state and the
   * error its last read gave.
   *
   * @param options the retries, time limit and direction asked for
   * @param phases each phase, the first copy pass first and the digests' catch-up last
   * @param unread the areas not read, ascending: {@link AreaState#BAD_SECTOR} where every try
   *     failed, another state where the time limit ended the rescue before it was tried to the end
   * @param timeLimitReached whether the time limit ended the rescue
   */
  public record Rescue(RescueOptions options, List<PhaseRecord> phases, List<Area> unread, boolean timeLimitReached) {
    public Rescue {
      Objects.requireNonNull(options, "options");
      phases = List.copyOf(phases);
      unread = List.copyOf(unread);
      if (unread.stream().anyMatch(area -> area.state() == AreaState.FINISHED)) {
        throw new IllegalArgumentException("an area read is not unread");
      }
    }
  }

  /**
   * One resumption of an interrupted acquisition: the image up to {@code fromByte} was re-hashed
   * and matched its recorded piece digests; the source was read again from there.
   *
   * @param time when it resumed
   * @param fromByte where reading the source began again, a piece boundary
   * @param piecesChecked recorded pieces of the image re-hashed and found as recorded
   * @param rereadPiece the first recorded piece that did not match and was read again from the
   *     source; empty when none was
   * @param interruptionRecorded whether the interruption had been recorded (a manifest and an
   *     {@code acquisition-interrupted} event), or the process had ended without a word
   * @param invocation the command line of {@code acquire resume}; empty when not resumed from the
   *     command line, and in records made before Custos recorded it
   */
  public record Resumption(Instant time, long fromByte, long piecesChecked, OptionalLong rereadPiece,
      boolean interruptionRecorded, Optional<Invocation> invocation) {
    public Resumption {
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(rereadPiece, "rereadPiece");
      Objects.requireNonNull(invocation, "invocation");
      if (fromByte < 0 || piecesChecked < 0 || rereadPiece.orElse(0) < 0) {
        throw new IllegalArgumentException("resumption out of range: from byte " + fromByte + ", " + piecesChecked
            + " pieces checked, piece " + rereadPiece.getAsLong() + " re-read");
      }
    }
  }

  /**
   * The options an acquisition ran with.
   *
   * @param layout raw single file or split segments
   * @param algorithms the whole-image digests, in the order given
   * @param blockSize bytes per read
   * @param retries how often a failed read is tried again before going unit by unit
   * @param errorGranularity bytes per read after a failed block: bad ranges are located to this
   */
  public record Parameters(ImageLayout layout, List<HashAlgorithm> algorithms, int blockSize, int retries, int errorGranularity) {
    public Parameters {
      Objects.requireNonNull(layout, "layout");
      algorithms = List.copyOf(algorithms);
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("at least one hash algorithm is needed");
      }
      if (retries < 0) {
        throw new IllegalArgumentException("retries must not be negative, got " + retries);
      }
    }
  }

  /**
   * One digest per piece: piece {@code i} covers bytes {@code [i * size, (i + 1) * size)}.
   *
   * @param algorithm the piece digest algorithm
   * @param size bytes per piece (the last may be shorter)
   * @param digests the digest of each piece completed, in order, each of {@code algorithm}
   * @throws IllegalArgumentException if a digest is of another algorithm
   */
  public record Pieces(PieceAlgorithm algorithm, long size, List<PieceDigest> digests) {
    public Pieces {
      Objects.requireNonNull(algorithm, "algorithm");
      if (size <= 0) {
        throw new IllegalArgumentException("piece size must be positive, got " + size);
      }
      digests = List.copyOf(digests);
      PieceDigest.requireAll(algorithm, digests);
    }
  }

  /**
   * Sectors that stayed unreadable after every retry (written as zeros), and reads that failed
   * once but succeeded on a retry.
   *
   * @param ranges unreadable ranges, ascending, never adjacent
   * @param recoveredReadErrors block reads that failed and then succeeded on a retry
   */
  public record BadSectors(List<SectorRange> ranges, long recoveredReadErrors) {
    public BadSectors {
      ranges = List.copyOf(ranges);
    }

    /** Total unreadable sectors. */
    public long sectorCount() {
      return ranges.stream().mapToLong(SectorRange::count).sum();
    }
  }

  /**
   * When the acquisition ran.
   *
   * @param started when reading began: for a resumed acquisition, when its first run began
   * @param ended when the last byte was written and flushed, or the acquisition stopped
   * @param runs every run of a resumed acquisition, in order, this one last; empty for one that
   *     ran in one go
   */
  public record Timing(Instant started, Instant ended, List<AcquisitionRun> runs) {
    public Timing {
      Objects.requireNonNull(started, "started");
      Objects.requireNonNull(ended, "ended");
      if (ended.isBefore(started)) {
        throw new IllegalArgumentException("end " + ended + " is before start " + started);
      }
      runs = List.copyOf(runs);
    }

    /** The timing of an acquisition that ran in one go. */
    public Timing(Instant started, Instant ended) {
      this(started, ended, List.of());
    }

    /** How long it ran: the sum of its runs, the time it was stopped between them not counted. */
    public Duration duration() {
      return runs.isEmpty() ? span() : runs.stream().map(AcquisitionRun::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** From the first start to the end, the time stopped between runs included. */
    public Duration span() {
      return Duration.between(started, ended);
    }

    /**
     * The time nothing ran between the runs: the span less the duration; never negative, even
     * when the workstation's clock was set back between two runs.
     */
    public Duration stopped() {
      Duration stopped = span().minus(duration());
      return stopped.isNegative() ? Duration.ZERO : stopped;
    }

    /**
     * What the figures cannot show, said in words: the runs' sum exceeds the span only when the
     * workstation's clock was set back between runs, and then the stopped time is not known.
     */
    public String clockNote() {
      return AcquisitionRun.clockNote(span(), duration());
    }
  }

  /**
   * Bytes read by a point in time.
   *
   * @param elapsedMillis milliseconds since the start
   * @param bytes bytes read by then
   */
  public record RateSample(long elapsedMillis, long bytes) {
    public RateSample {
      if (elapsedMillis < 0 || bytes < 0) {
        throw new IllegalArgumentException("rate sample must not be negative: " + elapsedMillis + " ms, " + bytes + " bytes");
      }
    }
  }

  /** How an acquisition ended. */
  public enum Status {
    /** Every sector of the source was read (unreadable ones zero-filled and recorded). */
    COMPLETED("completed"),
    /** Stopped by the examiner (Ctrl-C, SIGTERM) before the end. */
    INTERRUPTED("interrupted"),
    /** Stopped by a failure: the target disk, the source, the machine. */
    FAILED("failed");

    private final String id;

    Status(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /**
   * How it ended and how far it got.
   *
   * @param status completed, interrupted or failed
   * @param bytesAcquired bytes of the source in the image, from byte 0
   * @param reason why it stopped early, {@code null} when completed
   */
  public record Outcome(Status status, long bytesAcquired, String reason) {
    public Outcome {
      Objects.requireNonNull(status, "status");
      if (bytesAcquired < 0) {
        throw new IllegalArgumentException("bytes acquired must not be negative, got " + bytesAcquired);
      }
    }
  }

  /**
   * The source as seen before and after the last pass of reading (a resumption's own pass).
   *
   * @param before when reading began
   * @param after when reading ended, or null when it could not be taken
   * @param changes every difference, in words; empty when nothing that can be seen changed
   */
  public record SourceStates(dev.custos.source.SourceState before, dev.custos.source.SourceState after, List<String> changes) {
    public SourceStates {
      Objects.requireNonNull(before, "before");
      changes = List.copyOf(changes);
    }
  }

  /** Average rate in bytes per second over the duration, stopped time not counted (0 for an instant acquisition). */
  public long averageBytesPerSecond() {
    long millis = timing.duration().toMillis();
    return millis == 0 ? 0 : Math.round(outcome.bytesAcquired() * 1000.0 / millis);
  }

  /** The whole-image digest of {@code algorithm}, if recorded. */
  public java.util.Optional<Digest> digest(HashAlgorithm algorithm) {
    return digests.stream().filter(d -> d.algorithm() == algorithm).findFirst();
  }
}
