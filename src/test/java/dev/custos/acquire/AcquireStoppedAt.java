package dev.custos.acquire;

import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.ProgressListener;
import dev.custos.evidence.CaseInfo;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageLayout;
import dev.custos.source.DeviceInventory;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlockGuard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test-only process: {@code acquire image SOURCE --out DIR --unsigned} (raw, MD5 and SHA-256,
 * 64 KiB SHA-256 pieces), exactly as the command acquires, which at the step {@code STEP} of {@link
 * Acquisition.Checkpoint} creates the file {@code MARKER} and waits there, for ever, for the test to
 * {@code kill -9} it at that instant, or until the file {@code GO} exists (the test has filled the
 * disk meanwhile, say). With {@code interrupted} as {@code OUTCOME} it is stopped (as by a signal)
 * before it reads a byte, so that it ends {@code interrupted}; {@code NOTES} characters of case
 * notes make its {@code acquisition-started} event that much longer. A failure ends it with exit 1
 * and the exception on stderr.
 *
 * <p>{@code java … dev.custos.acquire.AcquireStoppedAt SOURCE DIR STEP MARKER OUTCOME [GO [NOTES]]}
 */
public final class AcquireStoppedAt {
  private AcquireStoppedAt() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    Path directory = Path.of(args[1]).toAbsolutePath().normalize();
    String stopAt = args[2];
    Path marker = Path.of(args[3]);
    boolean interrupted = args.length > 4 && args[4].equals("interrupted");
    Path go = args.length > 5 ? Path.of(args[5]) : null;
    int notes = args.length > 6 ? Integer.parseInt(args[6]) : 0;
    Acquisition.Checkpoint checkpoint = step -> {
      if (step.equals(stopAt)) {
        try {
          Files.writeString(marker, step, StandardCharsets.UTF_8);
          for (long waited = 0; waited < 600_000 && (go == null || !Files.exists(go)); waited += 5) {
            Thread.sleep(5);
          }
        } catch (java.io.IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
    };
    CustodyRecorder recorder = CustodyRecorder.unsigned("Jane Doe", HostInfo.current(), ToolInfo.current(), EvidenceClock.system());
    Acquisition acquisition = new Acquisition(SourceInspector.system(DeviceInventory.ataHiddenAreaProbe()), WriteBlockGuard.system(),
        EvidenceClock.system(), HostInfo.current(), ToolInfo.current(), recorder, checkpoint);
    AcquisitionRequest request = new AcquisitionRequest(source, directory, new CaseInfo("C-1", "E-1", "Jane Doe", null,
        notes == 0 ? null : "x".repeat(notes)),
        ImageLayout.raw("dd"), AcquisitionRequest.DEFAULT_ALGORITHMS, AcquisitionRequest.DEFAULT_PIECE_ALGORITHM, 64 << 10,
        AcquisitionRequest.DEFAULT_BLOCK_SIZE, AcquisitionRequest.DEFAULT_RESCUE, false, null);
    StopSignal stop = new StopSignal();
    if (interrupted) {
      stop.stop("interrupted by a signal (Ctrl-C or SIGTERM)");
    }
    acquisition.run(request, ProgressListener.NONE, stop);
    Files.writeString(marker, "ended without stopping at " + stopAt, StandardCharsets.UTF_8);
  }
}
