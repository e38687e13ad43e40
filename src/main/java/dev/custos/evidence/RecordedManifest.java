package dev.custos.evidence;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.digest.PieceDigest;
import dev.custos.source.HiddenAreas;
import dev.custos.source.SectorRange;
import dev.custos.source.WriteBlock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A manifest as it is recorded in {@code acquisition.json}, read by {@link ManifestReader} after
 * its schema has passed. Immutable.
 *
 * <p>The read side of {@link Manifest}: it holds what a schema-valid manifest says, also when an
 * earlier build or another hand wrote it, so the report and the verification print and check what
 * is recorded, never a value recomputed from it. Hence the differences from {@link Manifest}: the
 * members the writer derives ({@code sectorCount}, {@code durationMs}, the image's total size, a
 * piece count) are the recorded numbers; the tool's commit may be absent (builds before Custos
 * recorded it); case texts and a source's path are the recorded strings, not re-validated as
 * {@link CaseInfo} and {@code SourceIdentity} validate what an examiner types now. Where the
 * writer's record holds no more than the schema allows it is used as it is ({@link HostInfo},
 * {@link WriteBlock}, {@link HiddenAreas}, {@link Manifest.Outcome}, {@link Manifest.RateSample},
 * {@link Manifest.Resumption}, {@link SectorRange}, {@link Digest}). Image files are {@link File}s,
 * not {@code image.ImageFile}: the report, which must not depend on {@code image}, reads them too.
 *
 * @param formatVersion the manifest format, {@link Manifest#FORMAT_VERSION}
 * @param tool the tool that acquired
 * @param caseInfo case, evidence, examiner, description, notes
 * @param host the workstation
 * @param source what was read
 * @param writeBlock how the source was protected from writes
 * @param parameters the options the acquisition ran with
 * @param image the image files and their recorded total
 * @param digests the whole-image digests, in the order recorded; empty unless completed
 * @param pieces the piece digests
 * @param badSectors unreadable ranges and recovered reads
 * @param timing start, end, duration and rate as recorded
 * @param rateSamples bytes read over time
 * @param outcome how it ended
 * @param resumptions each resumption, in order; empty for an acquisition that ran in one go
 * @param rescue how a failing source was rescued; empty when no read failed (and in manifests of
 *     builds before the rescue)
 * @param provenance the evidence directory whose image the source was (a conversion); empty otherwise
 * @param partitions the source's partition table as read from the image; empty when not read (an
 *     acquisition that did not complete, and manifests of builds before it was read)
 * @param invocation the command line that started the acquisition, where and into which directory;
 *     empty when not recorded (not started from the command line, or a build before Custos recorded it)
 * @param driveIdentity the drive identity queries and their transcripts; empty in manifests of
 *     builds before they were recorded
 */
public record RecordedManifest(int formatVersion, Tool tool, Case caseInfo, HostInfo host, Source source,
    WriteBlock writeBlock, Parameters parameters, Image image, List<Digest> digests, Pieces pieces,
    BadSectors badSectors, Timing timing, List<Manifest.RateSample> rateSamples, Manifest.Outcome outcome,
    List<Manifest.Resumption> resumptions, Optional<Manifest.Rescue> rescue, Optional<Manifest.Provenance> provenance,
    Optional<Manifest.Partitions> partitions, Optional<Invocation> invocation,
    List<dev.custos.source.driveidentity.Transcript> driveIdentity) {

  public RecordedManifest {
    RecordMembers.requireNonNull("tool caseInfo host source writeBlock parameters image pieces badSectors timing outcome rescue",
        tool, caseInfo, host, source, writeBlock, parameters, image, pieces, badSectors, timing, outcome, rescue);
    digests = List.copyOf(digests);
    rateSamples = List.copyOf(rateSamples);
    resumptions = List.copyOf(resumptions);
    java.util.Objects.requireNonNull(provenance, "provenance");
    java.util.Objects.requireNonNull(partitions, "partitions");
    java.util.Objects.requireNonNull(invocation, "invocation");
    driveIdentity = List.copyOf(driveIdentity);
  }

  /**
   * The tool as recorded.
   *
   * @param commit the commit it was built from; null in records of builds before Custos recorded it
   * @param jarSha256 the SHA-256 of its jar; null when not run from a jar or not recorded
   */
  public record Tool(String name, String version, String commit, String jarSha256) {
    public Tool {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
    }
  }

  /** The case as recorded; {@code description} and {@code notes} are null when absent. */
  public record Case(String caseId, String evidenceId, String examiner, String description, String notes) {
    public Case {
      Objects.requireNonNull(caseId, "caseId");
      Objects.requireNonNull(evidenceId, "evidenceId");
      Objects.requireNonNull(examiner, "examiner");
    }
  }

  /**
   * The source as recorded. Null strings are facts not known at acquisition.
   *
   * @param path the path the examiner named
   * @param kind {@code block-device}, {@code partition} or {@code file}
   * @param deviceNumber {@code major:minor}, or null
   * @param sectorCount logical sectors, as recorded
   * @param backingFile a loop device's file, or null
   * @param mounts mounted file systems of the device
   */
  public record Source(String path, String kind, String deviceNumber, String vendor, String model, String serial,
      long sizeBytes, long sectorCount, int logicalSectorSize, int physicalSectorSize, boolean removable,
      boolean rotational, boolean kernelReadOnly, String backingFile, HiddenAreas hiddenAreas, List<Mount> mounts) {
    public Source {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(hiddenAreas, "hiddenAreas");
      mounts = List.copyOf(mounts);
    }
  }

  /** A mounted file system as recorded: device {@code major:minor}, where, which, read-only or not. */
  public record Mount(String device, String mountPoint, String fileSystemType, boolean readOnly) {}

  /**
   * The parameters as recorded.
   *
   * @param format {@code raw}, {@code split} or {@code e01}
   * @param extension the single file's extension, or null for split segments and E01
   * @param segmentSize bytes per segment (for E01 the most a segment holds), or null for a single file
   * @param algorithms the whole-image digests asked for, in order
   * @param compression an E01 set's compression ({@code none}, {@code empty-block}, {@code fast},
   *     {@code best}); null for a raw image
   */
  public record Parameters(String format, String extension, Long segmentSize, List<HashAlgorithm> algorithms,
      long blockSize, long pieceSize, PieceAlgorithm pieceAlgorithm, long retries, long errorGranularity, String compression) {
    public Parameters {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(pieceAlgorithm, "pieceAlgorithm");
      algorithms = List.copyOf(algorithms);
    }

    /** The parameters of a raw image, which has no compression. */
    public Parameters(String format, String extension, Long segmentSize, List<HashAlgorithm> algorithms,
        long blockSize, long pieceSize, PieceAlgorithm pieceAlgorithm, long retries, long errorGranularity) {
      this(format, extension, segmentSize, algorithms, blockSize, pieceSize, pieceAlgorithm, retries, errorGranularity, null);
    }
  }

  /**
   * The image as recorded.
   *
   * @param format {@code raw}, {@code split} or {@code e01}
   * @param files its files, in order
   * @param sizeBytes the total the manifest records
   * @param e01 what a finished E01 set holds, as recorded; empty otherwise
   */
  public record Image(String format, List<File> files, long sizeBytes, Optional<Manifest.E01Content> e01) {
    public Image {
      Objects.requireNonNull(format, "format");
      files = List.copyOf(files);
      Objects.requireNonNull(e01, "e01");
    }

    /** A raw image's files. */
    public Image(String format, List<File> files, long sizeBytes) {
      this(format, files, sizeBytes, Optional.empty());
    }

    /** Whether the image is split into segments. */
    public boolean split() {
      return "split".equals(format);
    }

    /** Whether the image is an E01 set. */
    public boolean isE01() {
      return "e01".equals(format);
    }
  }

  /**
   * An image file as recorded.
   *
   * @param path its name, relative to the evidence directory
   * @param sizeBytes its recorded size
   */
  public record File(String path, long sizeBytes) {
    public File {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * The piece digests as recorded: piece {@code i} covers bytes {@code [i * size, (i + 1) * size)}.
   *
   * @param count the count the manifest records
   * @param digests each piece's digest, of {@code algorithm} (CRC-32C is no {@link Digest})
   * @throws IllegalArgumentException if a digest is of another algorithm
   */
  public record Pieces(PieceAlgorithm algorithm, long size, long count, List<PieceDigest> digests) {
    public Pieces {
      Objects.requireNonNull(algorithm, "algorithm");
      digests = List.copyOf(digests);
      PieceDigest.requireAll(algorithm, digests);
    }
  }

  /**
   * Unreadable sectors as recorded.
   *
   * @param sectorCount the total the manifest records
   * @param ranges each range with the bytes the manifest records for it
   */
  public record BadSectors(long sectorCount, long recoveredReadErrors, List<BadRange> ranges) {
    public BadSectors {
      ranges = List.copyOf(ranges);
    }
  }

  /** One unreadable range and its size in bytes as recorded. */
  public record BadRange(SectorRange range, long bytes) {
    public BadRange {
      Objects.requireNonNull(range, "range");
    }
  }

  /**
   * When it ran, as recorded: the duration and the rate are the recorded numbers (for a resumed
   * acquisition recording its runs, the time in runs, the time stopped between them not counted).
   *
   * @param runs each run of a resumed acquisition, in order; empty for one that ran in one go, and
   *     in manifests of builds before runs were recorded
   */
  public record Timing(Instant started, Instant ended, long durationMillis, long averageBytesPerSecond, List<AcquisitionRun> runs) {
    public Timing {
      Objects.requireNonNull(started, "started");
      Objects.requireNonNull(ended, "ended");
      runs = List.copyOf(runs);
    }

    /** The timing of an acquisition that ran in one go, or of a manifest from before runs were recorded. */
    public Timing(Instant started, Instant ended, long durationMillis, long averageBytesPerSecond) {
      this(started, ended, durationMillis, averageBytesPerSecond, List.of());
    }

    /** From the first start to the end, the time stopped between runs included. */
    public java.time.Duration span() {
      return java.time.Duration.between(started, ended);
    }

    /** The span less the runs' sum; never negative (see {@link #clockNote}). */
    public java.time.Duration stopped() {
      java.time.Duration stopped = span().minusMillis(durationMillis);
      return stopped.isNegative() ? java.time.Duration.ZERO : stopped;
    }

    /** Says that the stopped time is not known when the clock was set back between runs; else nothing. */
    public String clockNote() {
      return AcquisitionRun.clockNote(span(), java.time.Duration.ofMillis(durationMillis));
    }
  }

  /**
   * How far an acquisition got, read alone ({@link ManifestReader#extent}).
   *
   * @param sourceBytes the source's size
   * @param sectorSize bytes per logical sector
   */
  public record Extent(Manifest.Outcome outcome, long sourceBytes, int sectorSize) {
    public Extent {
      Objects.requireNonNull(outcome, "outcome");
    }
  }
}
