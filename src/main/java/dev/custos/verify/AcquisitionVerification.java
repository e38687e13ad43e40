package dev.custos.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CheckEvent;
import dev.custos.custody.CheckEventJson;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.ProgressListener;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceReadException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageReader;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlock;
import dev.custos.source.WriteBlockGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code acquire image --verify-image / --verify-source} use case: right after an acquisition
 * has written its manifest, the image is read back from the disk, or the source is read again, and
 * the digests are compared with the ones the manifest records, as Guymager and FTK Imager verify
 * after imaging. The comparison is {@code report verify}'s (whole and piece digests, {@link
 * ImageComparison}); it is against the manifest as written on disk, so it covers the record too.
 *
 * <p>Each check gives a {@link Result} that {@link #record} appends to the custody log as an
 * {@code image-verified} or {@code source-verified} event. The manifest is not touched: it is
 * written once, before the checks, so that a check that takes hours and is cut short by a crash or a
 * signal leaves the acquisition recorded.
 */
public final class AcquisitionVerification {
  /** How the image is read back when its file system refuses direct I/O. */
  static final String THROUGH_CACHE = "through the page cache (the file system refuses direct I/O: ";

  private final SourceInspector inspector;
  private final WriteBlockGuard writeBlockGuard;
  private final EvidenceClock clock;

  /**
   * @param inspector identifies the source to re-read
   * @param writeBlockGuard applies the write-block rules of acquisition to it
   * @param clock the time of each check
   */
  public AcquisitionVerification(SourceInspector inspector, WriteBlockGuard writeBlockGuard, EvidenceClock clock) {
    this.inspector = inspector;
    this.writeBlockGuard = writeBlockGuard;
    this.clock = clock;
  }

  /** What is verified. */
  public enum Kind {
    /** The image files, read back from the disk. */
    IMAGE(CheckEvent.IMAGE, CheckEvent.IMAGE_VERIFIED),
    /** The source, read again through the read-only, write-blocked path of acquisition. */
    SOURCE(CheckEvent.SOURCE, CheckEvent.SOURCE_VERIFIED);

    private final String id;
    private final String eventType;

    Kind(String id, String eventType) {
      this.id = id;
      this.eventType = eventType;
    }

    /** {@code image} or {@code source}. */
    public String id() {
      return id;
    }

    /** The custody event that records it. */
    public String eventType() {
      return eventType;
    }
  }

  /**
   * One check's outcome. Immutable.
   *
   * @param kind image or source
   * @param started when reading began
   * @param ended when the comparison was done
   * @param readPath what was read and how, e.g. {@code image.ima, read with O_DIRECT (past the page cache)}
   * @param check the verdict, its summary and every problem
   * @param findings the digests compared and the pieces that differ; null when nothing was re-read
   *     (a drive of another size, model or serial)
   */
  public record Result(Kind kind, Instant started, Instant ended, String readPath, CheckResult check, ImageFindings findings) {
    public Result {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(started, "started");
      Objects.requireNonNull(ended, "ended");
      Objects.requireNonNull(readPath, "readPath");
      Objects.requireNonNull(check, "check");
    }

    /** Whether every digest and piece re-computed equals the one recorded. */
    public boolean matched() {
      return check.verdict() == Verdict.PASS;
    }
  }

  /**
   * Reads the image of {@code directory} back with {@code O_DIRECT} and compares it with its manifest.
   *
   * @throws UsageException if {@code directory} is not an evidence directory or its manifest records no
   *     completed acquisition (nothing to compare with)
   * @throws EvidenceReadException if the manifest or the image cannot be read
   * @throws InterruptedException if interrupted
   */
  public Result image(Path directory, ProgressListener listener)
      throws UsageException, EvidenceReadException, InterruptedException {
    Path root = EvidenceDirectory.existing(directory);
    RecordedAcquisition recorded = completedAcquisition(root);
    Instant started = clock.now();
    List<ImageReader.Part> parts = new ArrayList<>();
    for (ImageFile file : recorded.files()) {
      parts.add(new ImageReader.Part(file.name(), root.resolve(file.name()), file.sizeBytes()));
    }
    CheckResult files;
    try {
      files = ImageFilesCheck.check(root, recorded.files());
    } catch (UncheckedIOException e) {
      throw new EvidenceReadException(e.getMessage(), e);
    }
    if (recorded.e01().isPresent()) {
      try {
        ImageComparison.Outcome outcome = E01Rehash.compare(root, recorded, listener);
        List<Problem> problems = new ArrayList<>(files.problems());
        problems.addAll(outcome.result().problems());
        return new Result(Kind.IMAGE, started, clock.now(), recorded.files().size() + " E01 segment file"
            + (recorded.files().size() == 1 ? "" : "s") + ", read through the page cache: what was just written may be read from"
            + " memory, not from the disk", CheckResult.of(Check.IMAGE_DIGESTS, outcome.result().summary(), problems), outcome.findings());
      } catch (IOException e) {
        throw new EvidenceReadException("cannot read the E01 set: " + e.getMessage(), e);
      }
    }
    String how;
    ImageReader opened;
    try {
      opened = ImageReader.openUncached(parts);
      how = "read with O_DIRECT (past the page cache)";
    } catch (IOException e) {
      try {
        opened = ImageReader.open(parts);
      } catch (IOException again) {
        throw new EvidenceReadException("cannot read the image: " + again.getMessage(), again);
      }
      how = THROUGH_CACHE + e.getMessage() + "): what was just written may be read from memory, not from the disk";
    }
    try (ImageReader reader = opened) {
      Rehash.Result computed = Rehash.run(reader::read, reader.size(), recorded.algorithms(), recorded.piecesToCompute(),
          listener, () -> 0);
      ImageComparison.Outcome outcome = ImageComparison.compare(Check.IMAGE_DIGESTS, recorded, reader.gaps(), computed,
          reader.size());
      List<Problem> problems = new ArrayList<>(files.problems());
      problems.addAll(outcome.result().problems());
      String names = recorded.files().size() == 1 ? recorded.files().get(0).name()
          : recorded.files().size() + " files " + recorded.files().get(0).name() + " … "
              + recorded.files().get(recorded.files().size() - 1).name();
      return new Result(Kind.IMAGE, started, clock.now(), names + ", " + how,
          CheckResult.of(Check.IMAGE_DIGESTS, outcome.result().summary(), problems), outcome.findings());
    } catch (IOException e) {
      throw new EvidenceReadException("cannot read the image: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the source again, inspected and write-blocked as at acquisition, and compares it with
   * the manifest of {@code directory}.
   *
   * @throws UsageException as {@link #image}, or if the source is refused (not write-blocked)
   * @throws EvidenceReadException if the manifest cannot be read
   * @throws SourceAccessException if the source cannot be re-read
   * @throws InterruptedException if interrupted
   */
  public Result source(Path directory, Verification.SourceRequest request, ProgressListener listener)
      throws UsageException, EvidenceReadException, SourceAccessException, InterruptedException {
    Path root = EvidenceDirectory.existing(directory);
    RecordedAcquisition recorded = completedAcquisition(root);
    Instant started = clock.now();
    SourceIdentity identity = inspector.inspect(request.device());
    WriteBlock writeBlock = writeBlockGuard.secure(identity, request.setReadOnly(), request.hardwareBlocker());
    SourceCheck.Reread reread = SourceCheck.reread(identity, recorded, listener);
    ImageComparison.Outcome outcome = reread.outcome();
    String how = readPath(identity, writeBlock, reread.directUnit());
    return new Result(Kind.SOURCE, started, clock.now(), how, outcome.result(), outcome.findings());
  }

  /**
   * How the source was read, as far as Custos knows it: the write block as it was found (a
   * declared hardware blocker is the examiner's word, not checked), and the page cache only where
   * it was used (a last block that is not a whole number of direct-I/O units).
   */
  static String readPath(SourceIdentity identity, WriteBlock writeBlock, int directUnit) {
    if (!identity.kind().isDevice()) {
      return identity.path() + ", a file opened read-only, read through the page cache";
    }
    String cache = directUnit <= 0 ? ", read through the page cache"
        : ", read with O_DIRECT (past the page cache)" + (identity.sizeBytes() % directUnit == 0 ? ""
            : " but for its last block, read through the page cache: its size, " + identity.sizeBytes()
                + " bytes, is not a whole number of " + directUnit + "-byte direct-I/O units");
    return identity.path() + ", opened read-only; write block: " + writeBlock(writeBlock) + cache;
  }

  private static String writeBlock(WriteBlock block) {
    String declared = block.hardwareBlocker() == null ? ""
        : "hardware write blocker " + block.hardwareBlocker() + " declared by the examiner, not checked by Custos";
    return switch (block.method()) {
      case KERNEL_READ_ONLY_FLAG -> "kernel read-only flag set (1 before opening)";
      case SET_READ_ONLY -> "kernel read-only flag set by Custos (blockdev --setro)"
          + (declared.isEmpty() ? "" : "; " + declared);
      case HARDWARE_WRITE_BLOCKER -> block.kernelReadOnly()
          ? "kernel read-only flag set (1 before opening); " + declared
          : declared + " (kernel read-only flag 0)";
      case READ_ONLY_FILE -> "a file opened for reading only";
    };
  }

  /**
   * Appends the {@code image-verified} or {@code source-verified} event of {@code result} to the
   * custody log of {@code directory}, signed when {@code recorder} signs.
   *
   * @throws EvidenceWriteException if the log cannot be written
   * @throws CustodyBrokenException if the log was found edited
   */
  public static CustodyEvent record(Path directory, Result result, CustodyRecorder recorder)
      throws EvidenceWriteException, CustodyBrokenException {
    return recorder.append(directory, result.kind().eventType(), data(result));
  }

  /** The event's data; {@code evidence-schema/custody-event.schema.json} specifies it. */
  static ObjectNode data(Result result) {
    List<CheckEvent.DigestCheck> digests = new ArrayList<>();
    CheckEvent.Pieces pieces = null;
    long bytesRead = 0;
    ImageFindings findings = result.findings();
    if (findings != null) {
      for (DigestComparison digest : findings.digests()) {
        digests.add(new CheckEvent.DigestCheck(digest.algorithm().id(), digest.recorded(), digest.computed(), digest.matches()));
      }
      pieces = new CheckEvent.Pieces(findings.pieceAlgorithm() == null ? null : findings.pieceAlgorithm().id(),
          findings.piecesCompared(), findings.damaged().size());
      bytesRead = findings.sizeBytes();
    }
    return CheckEventJson.afterAcquisition(new CheckEvent.AfterAcquisition(result.kind().id(), result.started(), result.ended(),
        result.readPath(), result.matched(), digests, pieces, bytesRead, result.check().summary(), result.check().problems().size(),
        result.check().problems().stream().limit(VerificationEvent.PROBLEMS_KEPT).map(Problem::line).toList()));
  }

  private static RecordedAcquisition completedAcquisition(Path root) throws UsageException, EvidenceReadException {
    Path manifest = root.resolve(EvidenceDirectory.MANIFEST);
    byte[] bytes;
    // Not through a link: the manifest is the one this acquisition wrote into the directory.
    try (java.io.InputStream in = Files.newInputStream(manifest, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new EvidenceReadException("cannot read " + manifest + ": " + e.getMessage(), e);
    }
    RecordedAcquisition recorded = ManifestCheck.readQuickly(bytes);
    if (recorded == null) {
      throw new EvidenceReadException(manifest + " cannot be read as a manifest: nothing to verify against", null);
    }
    if (!recorded.completed() || recorded.digests().isEmpty()) {
      throw new UsageException("the acquisition in " + root + " did not complete: it has no whole-image digests to verify against");
    }
    return recorded;
  }
}
