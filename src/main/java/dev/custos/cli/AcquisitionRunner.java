package dev.custos.cli;

import dev.custos.acquire.Acquisition;
import dev.custos.acquire.AcquisitionRequest;
import dev.custos.acquire.StopSignal;
import dev.custos.crypto.Signer;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.ProgressListener;
import dev.custos.error.CustosException;
import dev.custos.evidence.Invocation;
import dev.custos.evidence.Manifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one acquisition from the command line: progress on stderr, summary on stdout, and a clean
 * stop on Ctrl-C or SIGTERM (the JVM's shutdown hook asks the acquisition to stop and waits until
 * the manifest is written).
 */
final class AcquisitionRunner {
  /** How long a signal waits for the flush and the manifest before the JVM exits anyway. */
  private static final long STOP_GRACE_SECONDS = 120;

  private AcquisitionRunner() {}

  /** One way of running the acquisition use case: a new acquisition or a resumption. */
  @FunctionalInterface
  interface Job {
    Manifest run(Acquisition acquisition, ProgressListener listener, StopSignal stop) throws CustosException, InterruptedException;
  }

  /**
   * Runs {@code request} in {@code environment}, its custody events recorded by {@code recorder},
   * then runs {@code checks} once the manifest is written and before the report is rendered, so the
   * report shows them, and renders the report, signed as {@code signing} says; returns the exit
   * code (1 if a check does not match).
   */
  static int run(Environment environment, Invocation typed, AcquisitionRequest request, SigningOptions.Signing signing,
      CustodyRecorder recorder, AfterAcquisitionChecks checks, GoingOn goingOn, PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    return run(environment, typed, (acquisition, listener, stop) -> acquisition.run(request, listener, stop),
        request.outputDirectory(), signing, recorder, checks, goingOn, out, err);
  }

  /** Runs {@code job} into {@code directory}, as {@link #run(Environment, Invocation, AcquisitionRequest, SigningOptions.Signing, CustodyRecorder, AfterAcquisitionChecks, GoingOn, PrintWriter, PrintWriter)}, without checks. */
  static int run(Environment environment, Invocation typed, Job job, Path directory, SigningOptions.Signing signing,
      CustodyRecorder recorder, GoingOn goingOn, PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    return run(environment, typed, job, directory, signing, recorder, AfterAcquisitionChecks.NONE, goingOn, out, err);
  }

  private static int run(Environment environment, Invocation typed, Job job, Path directory, SigningOptions.Signing signing,
      CustodyRecorder recorder, AfterAcquisitionChecks checks, GoingOn goingOn, PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    Signer signer = signing.signer();
    Acquisition acquisition = environment.acquisition(recorder).invokedAs(typed);
    StopSignal stop = new StopSignal();
    CountDownLatch done = new CountDownLatch(1);
    // The checks after the manifest read for as long as the acquisition did: a signal stops their
    // reads at once, since the acquisition is recorded and a check cut short records nothing.
    InterruptibleReads checkReads = new InterruptibleReads(stop);
    Thread hook = new Thread(() -> {
      stop.stop("interrupted by a signal (Ctrl-C or SIGTERM)");
      checkReads.interrupt();
      try {
        done.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "custos-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Manifest manifest = job.run(acquisition, new ConsoleProgress(err, System.console() != null), stop);
      String custody = recorder.signs()
          ? "signed by " + recorder.actor().name() + " (" + (signer == null ? "certificate SHA-256 " + recorder.actor().certificateSha256()
              : dev.custos.crypto.SignerFingerprints.of(signer.certificateChain()).describe()) + ")"
          : "UNSIGNED (--unsigned): the log does not prove who recorded it";
      Summary.print(manifest, directory.toAbsolutePath().normalize(), typed, custody, out);
      VerifyAfterAcquisition.Outcome checked = checks.any()
          ? VerifyAfterAcquisition.run(environment.acquisitionVerification(), manifest, directory, checks, recorder, checkReads,
              out, err)
          : VerifyAfterAcquisition.Outcome.NONE;
      Reports.render(environment, directory, signer, signing.authority(), recorder, out);
      checked.rethrow();
      if (manifest.outcome().status() != Manifest.Status.COMPLETED) {
        // Last, where the examiner looks once the terminal is quiet again.
        out.println(goingOn.line(manifest, directory));
        return ExitCodes.INTERRUPTED;
      }
      String mismatch = VerifyAfterAcquisition.mismatch(checked.results());
      if (mismatch != null) {
        err.println("acquire image: " + mismatch);
        return ExitCodes.DOES_NOT_VERIFY;
      }
      return ExitCodes.OK;
    } finally {
      out.flush();
      err.flush();
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down: the hook is running and lets it exit now.
      }
    }
  }
}
