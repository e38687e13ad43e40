package dev.custos.cli;

import dev.custos.acquire.Acquisition;
import dev.custos.acquire.AcquisitionRequest;
import dev.custos.acquire.StopSignal;
import dev.custos.crypto.Signer;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.ProgressListener;
import dev.custos.error.CustosException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlockGuard;
import dev.custos.verify.AcquisitionVerification;
import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
   * Runs {@code request}, its custody events recorded by {@code recorder}, then renders the report,
   * signed by {@code signer} (null: unsigned); returns the exit code.
   */
  static int run(AcquisitionRequest request, Signer signer, TimestampAuthority authority, CustodyRecorder recorder,
      PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    return run(request, signer, authority, recorder, AfterAcquisitionChecks.NONE, out, err);
  }

  /**
   * As {@link #run(AcquisitionRequest, Signer, TimestampAuthority, CustodyRecorder, PrintWriter,
   * PrintWriter)}, then runs {@code checks} once the manifest is written and before the report is
   * rendered, so the report shows them; exit 1 if one does not match.
   */
  static int run(AcquisitionRequest request, Signer signer, TimestampAuthority authority, CustodyRecorder recorder,
      AfterAcquisitionChecks checks, PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    return run((acquisition, listener, stop) -> acquisition.run(request, listener, stop), request.outputDirectory(), signer,
        authority, recorder, checks, out, err);
  }

  /**
   * Runs {@code job} into {@code directory}, as {@link #run(AcquisitionRequest, Signer,
   * TimestampAuthority, CustodyRecorder, PrintWriter, PrintWriter)}.
   */
  static int run(Job job, Path directory, Signer signer, TimestampAuthority authority, CustodyRecorder recorder,
      PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    return run(job, directory, signer, authority, recorder, AfterAcquisitionChecks.NONE, out, err);
  }

  private static int run(Job job, Path directory, Signer signer, TimestampAuthority authority, CustodyRecorder recorder,
      AfterAcquisitionChecks checks, PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    Acquisition acquisition = new Acquisition(
        SourceInspector.system(HiddenAreaProbes.system()), WriteBlockGuard.system(),
        EvidenceClock.system(), HostInfo.current(), ToolInfo.current(), recorder);
    StopSignal stop = new StopSignal();
    CountDownLatch done = new CountDownLatch(1);
    // The thread running the checks after the manifest, if any: a signal stops them at once, since
    // the acquisition is recorded and a check cut short records nothing.
    AtomicReference<Thread> checking = new AtomicReference<>();
    Thread hook = new Thread(() -> {
      stop.stop("interrupted by a signal (Ctrl-C or SIGTERM)");
      Thread check = checking.get();
      if (check != null) {
        check.interrupt();
      }
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
          ? "signed by " + recorder.actor().name() + " (certificate " + recorder.actor().certificateSha256() + ")"
          : "UNSIGNED (--unsigned): the log does not prove who recorded it";
      Summary.print(manifest, directory.toAbsolutePath().normalize(), custody, out);
      List<AcquisitionVerification.Result> verified = List.of();
      CustosException checkFailure = null;
      InterruptedException checkStopped = null;
      if (checks.any()) {
        checking.set(Thread.currentThread());
        try {
          if (stop.isStopped()) {
            // The signal came after the acquisition ended and before the checks began.
            throw new InterruptedException(stop.reason());
          }
          verified = VerifyAfterAcquisition.run(manifest, directory, checks, recorder, out, err);
        } catch (CustosException e) {
          if (Thread.currentThread().isInterrupted()) {
            // A channel closed by the signal's interrupt: stopped, not failed.
            checkStopped = new InterruptedException(e.getMessage());
          } else {
            checkFailure = e; // the report still shows the acquisition and the checks recorded
          }
        } catch (InterruptedException e) {
          checkStopped = e;
        } finally {
          checking.set(null);
          // An interrupt that came as the checks ended must not break the report's file writes.
          Thread.interrupted();
        }
      }
      if (checkStopped != null) {
        out.println(Summary.line("verify", "stopped by a signal: the check under way is not recorded"));
        out.flush();
      }
      Reports.render(directory, signer, authority, recorder, out);
      if (checkFailure != null) {
        throw checkFailure;
      }
      if (checkStopped != null) {
        throw checkStopped;
      }
      if (manifest.outcome().status() != Manifest.Status.COMPLETED) {
        return ExitCodes.INTERRUPTED;
      }
      String mismatch = VerifyAfterAcquisition.mismatch(verified);
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
