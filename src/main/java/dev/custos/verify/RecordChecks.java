package dev.custos.verify;

import dev.custos.crypto.TrustAnchors;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.EventSignature;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.ManifestPlacement;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.LogHead;
import dev.custos.error.EvidenceReadException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    return run(root, manifestBytes, false, custodyBytes, TrustAnchors.none(), TrustAnchors.none(), List.of());
  }

  static RecordChecks run(Path root, byte[] manifestBytes, byte[] custodyBytes, TrustAnchors anchors, TrustAnchors authorities,
      List<LogHead> keptHeads) {
    return run(root, manifestBytes, false, custodyBytes, anchors, authorities, keptHeads);
  }

  /**
   * @param manifestBytes {@code acquisition.json}, or, when {@code atStagedName}, its temporary file
   *     ({@link ManifestPlacement#STAGED}); null when neither is there
   * @param atStagedName whether {@code manifestBytes} were read from the temporary file: they count
   *     as the manifest only when the acquisition's ending event recorded them ({@link ManifestCheck#checkStaged})
   * @param custodyBytes {@code custody.jsonl}, or null when missing
   * @throws UncheckedIOException if a report cannot be read
   */
  static RecordChecks run(Path root, byte[] manifestBytes, boolean atStagedName, byte[] custodyBytes, TrustAnchors anchors,
      TrustAnchors authorities, List<LogHead> keptHeads) {
    CustodyVerdict custody = custodyBytes == null ? null : CustodyLog.check(root, custodyBytes, anchors);
    List<CustodyEvent> events = custody == null ? List.of() : custody.events();
    ManifestCheck.Outcome manifest = atStagedName ? ManifestCheck.checkStaged(manifestBytes, events, root)
        : ManifestCheck.check(manifestBytes, events);
    if (atStagedName && manifest.recorded() == null) {
      manifestBytes = null; // an unrecorded manifest is no evidence: nothing is checked against it
    }
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
    CheckResult manifestResult = withTranscripts(withSetAside(manifest.result(), setAside), root, manifest.recorded());
    return new RecordChecks(manifestResult, manifest.recorded(), CustodyCheck.check(root, custody, keptHeads), reports,
        signers, signatures, extent, warnings(root, manifest, atStagedName, events));
  }

  /**
   * The ends of the log set aside by a repair, then the files not part of the evidence; a recorded
   * manifest under its temporary name is part of it.
   */
  private static List<Problem> warnings(Path root, ManifestCheck.Outcome manifest, boolean atStagedName, List<CustodyEvent> events) {
    List<Problem> warnings = new ArrayList<>(SetAsideLogEnds.in(root, events));
    unread(manifest.recorded()).ifPresent(warnings::add);
    for (Problem unlisted : UnlistedFiles.in(root, manifest.recorded(), events)) {
      if (!(atStagedName && manifest.recorded() != null && ManifestPlacement.STAGED.equals(unlisted.file()))) {
        warnings.add(unlisted);
      }
    }
    return warnings;
  }

  /**
   * What a verdict on a completed acquisition does not say by itself: the sectors it could not
   * read, zeros in the image (and verified as such), and those a time limit left not tried to the end.
   */
  private static Optional<Problem> unread(RecordedAcquisition recorded) {
    if (recorded == null || !recorded.completed() || recorded.unread().sectors() == 0) {
      return Optional.empty();
    }
    RecordedAcquisition.Unread unread = recorded.unread();
    return Optional.of(new Problem(EvidenceDirectory.MANIFEST, unread.sectors() + (unread.sectors() == 1 ? " sector" : " sectors")
        + " of the source could not be read: the image holds zeros there (badSectors and rescue.unread list them)"
        + (unread.notTriedToTheEnd() == 0 ? ""
            : "; " + unread.notTriedToTheEnd() + " of them were not tried to the end: the rescue's time limit ended it")));
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
    if (manifest.verdict() == Verdict.SKIPPED) {
      // Skipped (an unrecorded manifest under its temporary name): a set-aside manifest missing or changed still fails it.
      return setAside.problems().isEmpty() ? manifest : CheckResult.of(Check.MANIFEST, manifest.summary(), problems);
    }
    return CheckResult.of(Check.MANIFEST, summary, problems);
  }

  /**
   * The manifest check, failed by a drive identity transcript it lists that is missing or changed,
   * or noting those found as recorded.
   */
  private static CheckResult withTranscripts(CheckResult manifest, Path root, RecordedAcquisition recorded) {
    if (recorded == null || recorded.transcripts().isEmpty() || manifest.verdict() == Verdict.SKIPPED) {
      return manifest;
    }
    List<Problem> found = DriveIdentityFiles.check(root, recorded.transcripts());
    List<Problem> problems = new ArrayList<>(manifest.problems());
    problems.addAll(found);
    int intact = recorded.transcripts().size() - found.size();
    return CheckResult.of(Check.MANIFEST, manifest.summary() + "; " + intact + " of " + recorded.transcripts().size()
        + " drive identity transcript" + (recorded.transcripts().size() == 1 ? "" : "s") + " as recorded", problems);
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
