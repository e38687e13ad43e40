package dev.custos.verify;

import dev.custos.crypto.TrustAnchors;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.EventSignature;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.LogHead;
import dev.custos.error.EvidenceReadException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The checks of the records of an acquisition, as opposed to its image: the manifest as the log
 * recorded it, the custody log, the report PDFs. They read small files and check signatures, so
 * they can run beside the re-hash.
 *
 * @param manifest check 1
 * @param recorded the manifest's facts when it passed its schema, else null: the image is checked against these only
 * @param custody check 4
 * @param reports check 5
 * @param signers check 6: who signed, against the trust anchors
 * @param signatures every signature judged for check 6, custody events first, then reports
 * @param warnings files of the directory that are not part of the evidence ({@link UnlistedFiles}), and
 *     each torn end of the log an append set aside ({@link SetAsideLogEnds})
 * @param extent how much of its source the acquisition got, as the manifest or else the log says; null when neither does
 */
record RecordChecks(CheckResult manifest, RecordedAcquisition recorded, CheckResult custody, CheckResult reports,
    CheckResult signers, List<SignatureTrust> signatures, AcquisitionExtent extent,
    List<Problem> warnings) {

  static RecordChecks run(Path root, byte[] manifestBytes, byte[] custodyBytes) {
    return run(root, manifestBytes, custodyBytes, TrustAnchors.none(), TrustAnchors.none(), List.of());
  }

  /**
   * @param manifestBytes {@code acquisition.json}, or null when missing
   * @param custodyBytes {@code custody.jsonl}, or null when missing
   * @throws UncheckedIOException if a report cannot be read
   */
  static RecordChecks run(Path root, byte[] manifestBytes, byte[] custodyBytes, TrustAnchors anchors, TrustAnchors authorities,
      List<LogHead> keptHeads) {
    CustodyVerdict custody = custodyBytes == null ? null : CustodyLog.check(root, custodyBytes, anchors);
    List<CustodyEvent> events = custody == null ? List.of() : custody.events();
    ManifestCheck.Outcome manifest = ManifestCheck.check(manifestBytes, events);
    SetAsideManifests setAside = SetAsideManifests.check(root, events);
    List<SignatureTrust> signatures = new ArrayList<>();
    if (custody != null) {
      for (EventSignature event : custody.signatures()) {
        signatures.add(new SignatureTrust(EvidenceDirectory.CUSTODY_LOG, event.where(), event.actor(), event.fingerprints(), event.trust()));
      }
    }
    CheckResult reports;
    if (custodyBytes == null || manifestBytes == null) {
      reports = CheckResult.skipped(Check.REPORTS, "the manifest or the custody log is missing");
    } else {
      ReportCheck.Outcome outcome = ReportCheck.check(root, manifestBytes, setAside.intact(), custodyBytes, custody, anchors, authorities);
      reports = ReportCoverage.require(outcome.result(), events, root);
      signatures.addAll(outcome.signatures());
    }
    AcquisitionExtent extent = manifest.recorded() != null ? AcquisitionExtent.ofManifest(manifestBytes) : AcquisitionExtent.ofLog(events);
    CheckResult signers = SignersCheck.check(signatures, anchors.configured() || authorities.configured());
    return new RecordChecks(withSetAside(manifest.result(), setAside), manifest.recorded(), CustodyCheck.check(root, custody, keptHeads), reports,
        signers, signatures, extent, warnings(root, manifest.recorded(), events));
  }

  private static List<Problem> warnings(Path root, RecordedAcquisition recorded, List<CustodyEvent> events) {
    List<Problem> warnings = new java.util.ArrayList<>(SetAsideLogEnds.in(root, events));
    warnings.addAll(UnlistedFiles.in(root, recorded, events));
    return warnings;
  }

  /** The manifest check, failed by a set-aside manifest that is missing or changed, or noting those found intact. */
  private static CheckResult withSetAside(CheckResult manifest, SetAsideManifests setAside) {
    if (setAside.problems().isEmpty() && setAside.intact().isEmpty()) {
      return manifest;
    }
    List<Problem> problems = new ArrayList<>(manifest.problems());
    problems.addAll(setAside.problems());
    String summary = manifest.summary() + "; " + setAside.intact().size() + " manifest"
        + (setAside.intact().size() == 1 ? "" : "s") + " of interruptions set aside as recorded";
    return manifest.verdict() == Verdict.SKIPPED ? manifest : CheckResult.of(Check.MANIFEST, summary, problems);
  }

  /**
   * The checks' results once {@code task} is done.
   *
   * @throws EvidenceReadException if a report could not be read
   * @throws InterruptedException if interrupted while waiting
   */
  static RecordChecks await(Future<RecordChecks> task) throws EvidenceReadException, InterruptedException {
    try {
      return task.get();
    } catch (CancellationException e) {
      throw new InterruptedException("the checks of the records were cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw new EvidenceReadException(io.getMessage(), io);
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
