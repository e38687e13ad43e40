package dev.custos.cli;

import dev.custos.evidence.TimeDisplay;
import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceReadException;
import dev.custos.evidence.Manifest;
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
   * What the checks gave. Immutable.
   *
   * @param results each check that finished, in the order run (image, then source)
   * @param failure why a check could not run, or null
   * @param stopped the signal that stopped a check, or null
   */
  record Outcome(List<AcquisitionVerification.Result> results, CustosException failure, InterruptedException stopped) {
    static final Outcome NONE = new Outcome(List.of(), null, null);

    Outcome {
      results = List.copyOf(results);
    }

    /** Throws what stopped the checks, if anything did: a failure, or the signal. */
    void rethrow() throws CustosException, InterruptedException {
      if (failure != null) {
        throw failure;
      }
      if (stopped != null) {
        throw stopped;
      }
    }
  }

  /**
   * Runs {@code checks} on the acquisition {@code manifest} recorded in {@code directory}, prints a
   * line for each and records each in the custody log. Never throws for a check: the caller renders
   * the report first, then {@link Outcome#rethrow}s; the checks recorded before one that failed or
   * was stopped stay recorded.
   *
   * @param reads what a signal may interrupt: the reads, never an event's append
   */
  static Outcome run(AcquisitionVerification verification, Manifest manifest, Path directory, AfterAcquisitionChecks checks,
      CustodyRecorder recorder, InterruptibleReads reads, PrintWriter out, PrintWriter err) {
    List<AcquisitionVerification.Result> results = new ArrayList<>();
    if (manifest.outcome().status() != Manifest.Status.COMPLETED) {
      out.println(Summary.line("verify", "not run: the acquisition did not complete, it has no whole-image digests to compare"));
      return Outcome.NONE;
    }
    try {
      try {
        checks.beforeChecks().run(directory);
      } catch (IOException e) {
        throw new EvidenceReadException("cannot prepare the checks: " + e.getMessage(), e);
      }
      if (checks.image()) {
        reads.enter();
        AcquisitionVerification.Result result;
        try {
          result = verification.image(directory, progress(err).labelled("image"));
        } finally {
          reads.exit();
        }
        record(result, directory, recorder, out, results);
      }
      if (checks.source() != null) {
        reads.enter();
        AcquisitionVerification.Result result;
        try {
          result = verification.source(directory, checks.source(), progress(err).labelled("source"));
        } finally {
          reads.exit();
        }
        record(result, directory, recorder, out, results);
      }
      return new Outcome(results, null, null);
    } catch (InterruptedException e) {
      return stopped(results, e, out);
    } catch (CustosException e) {
      // A channel closed by the signal's interrupt fails the read: stopped, not failed.
      return reads.stopped() ? stopped(results, new InterruptedException(e.getMessage()), out) : new Outcome(results, e, null);
    } finally {
      out.flush();
    }
  }

  private static void record(AcquisitionVerification.Result result, Path directory, CustodyRecorder recorder, PrintWriter out,
      List<AcquisitionVerification.Result> results) throws CustosException {
    AcquisitionVerification.record(directory, result, recorder);
    Summary.printCheck(result, TimeDisplay.workstation(), out);
    results.add(result);
  }

  private static Outcome stopped(List<AcquisitionVerification.Result> results, InterruptedException signal, PrintWriter out) {
    out.println(Summary.line("verify", "stopped by a signal: the check under way is not recorded"));
    return new Outcome(results, null, signal);
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
