package dev.custos.cli;

import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceReadException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.Manifest;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlockGuard;
import dev.custos.verify.AcquisitionVerification;
import dev.custos.verify.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the checks of {@code --verify-image} and {@code --verify-source} after an acquisition: the
 * acquisition use case has written the manifest and its closing event, the verification use case
 * re-reads and compares, and each outcome is appended to the custody log as its own signed event.
 * The acquisition is recorded whatever the checks find.
 */
final class VerifyAfterAcquisition {
  private VerifyAfterAcquisition() {}

  /**
   * Runs {@code checks} on the acquisition {@code manifest} recorded in {@code directory}, prints a
   * line for each and records each in the custody log.
   *
   * @return each check's result, in the order run (image, then source); empty when the acquisition
   *     did not complete (there is nothing to compare with, and a line says so)
   * @throws CustosException if a check cannot run or its event cannot be appended (the message says
   *     which); the checks recorded before it stay recorded
   */
  static List<AcquisitionVerification.Result> run(Manifest manifest, Path directory, AfterAcquisitionChecks checks,
      CustodyRecorder recorder, PrintWriter out, PrintWriter err) throws CustosException, InterruptedException {
    if (manifest.outcome().status() != Manifest.Status.COMPLETED) {
      out.println(Summary.line("verify", "not run: the acquisition did not complete, it has no whole-image digests to compare"));
      return List.of();
    }
    try {
      checks.beforeChecks().run(directory);
    } catch (IOException e) {
      throw new EvidenceReadException("cannot prepare the checks: " + e.getMessage(), e);
    }
    AcquisitionVerification verification = new AcquisitionVerification(SourceInspector.system(HiddenAreaProbes.system()),
        WriteBlockGuard.system(), EvidenceClock.system());
    List<AcquisitionVerification.Result> results = new ArrayList<>();
    if (checks.image()) {
      AcquisitionVerification.Result result = verification.image(directory, progress(err));
      AcquisitionVerification.record(directory, result, recorder);
      Summary.printCheck(result, out);
      results.add(result);
    }
    if (checks.source() != null) {
      AcquisitionVerification.Result result = verification.source(directory, checks.source(), progress(err));
      AcquisitionVerification.record(directory, result, recorder);
      Summary.printCheck(result, out);
      results.add(result);
    }
    out.flush();
    return results;
  }

  /**
   * One line naming everything that differs, e.g. {@code the image does not verify: image.ima:
   * piece 3 differs: …}; null when every check matched.
   */
  static String mismatch(List<AcquisitionVerification.Result> results) {
    List<String> failed = results.stream().filter(result -> !result.matched())
        .map(result -> "the " + result.kind().id() + " does not verify: "
            + result.check().problems().stream().map(Problem::line).collect(Collectors.joining("; ")))
        .toList();
    return failed.isEmpty() ? null : String.join("; and ", failed)
        + " (the acquisition is recorded as read; the custody log records the check)";
  }

  private static ConsoleProgress progress(PrintWriter err) {
    return new ConsoleProgress(err, System.console() != null);
  }
}
