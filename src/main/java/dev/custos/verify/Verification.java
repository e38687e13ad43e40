package dev.custos.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.crypto.TrustAnchors;
import dev.custos.custody.CheckEvent;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.LogHead;
import dev.custos.digest.ProgressListener;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceReadException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.ManifestPlacement;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageReader;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import dev.custos.io.ReadLimit;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlockGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * The {@code report verify DIR} use case: runs every check of {@link Check} over an evidence
 * directory, in order, and says exactly what differs from what was recorded and where. Reads only;
 * {@link #record} then appends the outcome to the custody log.
 */
public final class Verification {
  private final SourceInspector inspector;
  private final WriteBlockGuard writeBlockGuard;
  private final EvidenceClock clock;

  /**
   * @param inspector identifies a source to re-read
   * @param writeBlockGuard applies the write-block rules of acquisition to it
   * @param clock the time of verification
   */
  public Verification(SourceInspector inspector, WriteBlockGuard writeBlockGuard, EvidenceClock clock) {
    this.inspector = inspector;
    this.writeBlockGuard = writeBlockGuard;
    this.clock = clock;
  }

  /**
   * A source to re-read, with the write-block options of acquisition.
   *
   * @param device the device (or file) to re-read
   * @param setReadOnly whether to set the device's kernel read-only flag first
   * @param hardwareBlocker the hardware write blocker it is attached through, or null
   */
  public record SourceRequest(Path device, boolean setReadOnly, String hardwareBlocker) {}

  /**
   * Verifies {@code directory}.
   *
   * @param source a source to re-read, or null
   * @throws UsageException if {@code directory} is not an evidence directory, it or a file in it is a symbolic link
   *     ({@link EvidenceDirectory#existing}), or the source is refused
   * @throws EvidenceReadException if evidence cannot be read (an I/O error, not a finding)
   * @throws SourceAccessException if the source cannot be re-read
   * @throws InterruptedException if interrupted
   */
  public VerificationResult verify(Path directory, SourceRequest source, ProgressListener listener)
      throws UsageException, EvidenceReadException, SourceAccessException, InterruptedException {
    return verify(directory, source, listener, TrustAnchors.none(), TrustAnchors.none(), List.of());
  }

  /**
   * Verifies {@code directory}, judging who signed each custody event and report against {@code
   * anchors} and each timestamp authority against {@code authorities} (the {@link Check#SIGNERS}
   * check: skipped, SELF-ASSERTED, when neither holds an anchor), and that its custody log still
   * reaches every head in {@code keptHeads} (the custody check fails for a log cut back before a
   * kept head or holding another event at its seq).
   *
   * @throws UsageException as {@link #verify(Path, SourceRequest, ProgressListener)}
   * @throws EvidenceReadException as {@link #verify(Path, SourceRequest, ProgressListener)}
   * @throws SourceAccessException as {@link #verify(Path, SourceRequest, ProgressListener)}
   * @throws InterruptedException if interrupted
   */
  public VerificationResult verify(Path directory, SourceRequest source, ProgressListener listener, TrustAnchors anchors,
      TrustAnchors authorities, List<LogHead> keptHeads)
      throws UsageException, EvidenceReadException, SourceAccessException, InterruptedException {
    Path root = evidenceDirectory(directory);
    Instant started = clock.now();
    SourceIdentity sourceIdentity = source == null ? null : secure(source);
    byte[] placedManifest = readIfPresent(root.resolve(EvidenceDirectory.MANIFEST), ReadLimit.MANIFEST);
    // No acquisition.json: the acquisition may have been stopped with its manifest still under its
    // temporary name, recorded or not (RecordChecks decides which from the log).
    boolean staged = placedManifest == null;
    byte[] manifestBytes = staged ? readIfPresent(root.resolve(ManifestPlacement.STAGED), ReadLimit.MANIFEST) : placedManifest;
    staged = staged && manifestBytes != null;
    boolean atStagedName = staged;
    byte[] custodyBytes = readIfPresent(root.resolve(EvidenceDirectory.CUSTODY_LOG), ReadLimit.CUSTODY_LOG);
    // The records (log signatures, report PDFs, the manifest's schema) are checked on a thread of
    // their own while the image is re-hashed: MD5 holds one core, SHA-256 leaves room on the other.
    FutureTask<RecordChecks> records = new FutureTask<>(() -> RecordChecks.run(root, manifestBytes, atStagedName, custodyBytes, anchors,
        authorities, keptHeads));
    Thread recordsThread = new Thread(records, "custos-verify-records");
    recordsThread.setDaemon(true);
    recordsThread.start();
    RecordedAcquisition quick = ManifestCheck.readQuickly(manifestBytes);
    ImageChecks image = null;
    boolean imageChecked = false;
    try {
      image = quick == null ? null : checkImage(root, quick, listener.labelled("image"));
      imageChecked = true;
    } finally {
      if (!imageChecked) {
        records.cancel(true);
      }
    }
    RecordChecks recordChecks = RecordChecks.await(records);
    RecordedAcquisition recorded = recordChecks.recorded();
    if (recorded == null) {
      image = ImageChecks.skipped("the manifest cannot be read");
    } else if (image == null) {
      image = checkImage(root, recorded, listener.labelled("image"));
    }
    List<CheckResult> checks = new ArrayList<>(List.of(recordChecks.manifest(), image.files(), image.digests(),
        recordChecks.custody(), recordChecks.reports(), recordChecks.signers()));
    ImageFindings reread = null;
    if (sourceIdentity == null) {
      checks.add(CheckResult.skipped(Check.SOURCE, "not asked for (--verify-source DEVICE)"));
    } else if (recorded == null) {
      checks.add(CheckResult.skipped(Check.SOURCE, "the manifest cannot be read"));
    } else {
      ImageComparison.Outcome outcome = SourceCheck.check(sourceIdentity, recorded, listener.labelled("source"));
      checks.add(outcome.result());
      reread = outcome.findings();
    }
    return new VerificationResult(root, started, clock.now(), checks, image.findings(), reread,
        sourceIdentity == null ? null : sourceIdentity.path(), recordChecks.signatures(), recordChecks.extent(),
        recordChecks.warnings());
  }

  /**
   * Appends a {@code verification} event with the outcome to the directory's custody log, signed
   * when {@code recorder} signs (the command records an unsigned one only when asked to: a check
   * must not extend a signed log under nobody's signature). Never appended to a broken log, where
   * it would seem to vouch for it.
   *
   * @throws CustodyBrokenException if the log is broken
   * @throws EvidenceWriteException if the log cannot be written (a read-only copy, say)
   * @throws UsageException if the directory has no custody log
   */
  public static CustodyEvent record(VerificationResult result, CustodyRecorder recorder)
      throws CustodyBrokenException, EvidenceWriteException, UsageException {
    ObjectNode data = VerificationEvent.data(result);
    return recorder.appendToIntactLog(result.target(), CheckEvent.VERIFICATION, data);
  }

  /**
   * Checks 2 and 3.
   *
   * @param files check 2
   * @param digests check 3
   * @param findings what re-hashing found, or null when it did not run
   */
  private record ImageChecks(CheckResult files, CheckResult digests, ImageFindings findings) {
    static ImageChecks skipped(String why) {
      return new ImageChecks(CheckResult.skipped(Check.IMAGE_FILES, why), CheckResult.skipped(Check.IMAGE_DIGESTS, why), null);
    }
  }

  private static ImageChecks checkImage(Path root, RecordedAcquisition recorded, ProgressListener listener)
      throws EvidenceReadException, InterruptedException {
    CheckResult files;
    try {
      files = ImageFilesCheck.check(root, recorded.files());
    } catch (UncheckedIOException e) {
      throw new EvidenceReadException(e.getMessage(), e);
    }
    if (recorded.e01().isPresent()) {
      try {
        ImageComparison.Outcome outcome = E01Rehash.compare(root, recorded, listener);
        return new ImageChecks(files, outcome.result(), outcome.findings());
      } catch (IOException e) {
        return new ImageChecks(files, CheckResult.of(Check.IMAGE_DIGESTS, "the E01 set cannot be read",
            List.of(new Problem(recorded.files().get(0).name(), e.getMessage()))), null);
      }
    }
    List<ImageReader.Part> parts = new ArrayList<>();
    for (ImageFile file : recorded.files()) {
      parts.add(new ImageReader.Part(file.name(), root.resolve(file.name()), file.sizeBytes()));
    }
    try (ImageReader reader = ImageReader.open(parts)) {
      long gapBytes = reader.gaps().stream().mapToLong(gap -> gap.end() - gap.start()).sum();
      // Gaps are read as zeros to keep later bytes in place; but more zeros than bytes (files far
      // shorter than recorded) would only cost time: stop at the first gap then.
      long readable = gapBytes > reader.size() - gapBytes ? reader.gaps().get(0).start() : reader.size();
      Rehash.Result computed = Rehash.run(reader::read, readable, recorded.algorithms(), recorded.piecesToCompute(), listener, () -> 0);
      ImageComparison.Outcome outcome = ImageComparison.compare(Check.IMAGE_DIGESTS, recorded, reader.gaps(), computed, readable);
      return new ImageChecks(files, outcome.result(), outcome.findings());
    } catch (IOException e) {
      throw new EvidenceReadException("cannot read the image: " + e.getMessage(), e);
    }
  }

  private SourceIdentity secure(SourceRequest request) throws UsageException {
    SourceIdentity identity = inspector.inspect(request.device());
    writeBlockGuard.secure(identity, request.setReadOnly(), request.hardwareBlocker());
    return identity;
  }

  private static Path evidenceDirectory(Path directory) throws UsageException {
    Path root = EvidenceDirectory.existing(directory);
    if (!Files.exists(root.resolve(EvidenceDirectory.MANIFEST), LinkOption.NOFOLLOW_LINKS)
        && !Files.exists(root.resolve(EvidenceDirectory.CUSTODY_LOG), LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(root + " is not an evidence directory: it holds neither " + EvidenceDirectory.MANIFEST
          + " nor " + EvidenceDirectory.CUSTODY_LOG);
    }
    return root;
  }

  private static byte[] readIfPresent(Path file, ReadLimit limit) throws EvidenceReadException, UsageException {
    try {
      return EvidenceFile.readFromDirectory(file, limit, "verifies").orElse(null);
    } catch (NotEvidenceFileException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new EvidenceReadException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

}
