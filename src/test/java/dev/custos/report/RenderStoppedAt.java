package dev.custos.report;

import dev.custos.crypto.ExaminerIdentity;
import dev.custos.crypto.Signer;
import dev.custos.custody.CustodyRecorder;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A test-only process: {@code report render DIR} signed with the key {@code P12} (its password in
 * {@code PASSWORD_FILE}), exactly as the command renders, which at the step {@code STEP} of {@link
 * ReportRendering.Checkpoint} creates the file {@code MARKER} and waits there: for ever, for the
 * test to {@code kill -9} it at that instant, or until the file {@code GO} exists (the test has
 * filled the disk meanwhile, say). A failure ends it with exit 1 and the exception on stderr.
 *
 * <p>{@code java … dev.custos.report.RenderStoppedAt DIR P12 PASSWORD_FILE STEP MARKER [GO]}
 */
public final class RenderStoppedAt {
  private RenderStoppedAt() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[0]);
    char[] password = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip().toCharArray();
    String stopAt = args[3];
    Path marker = Path.of(args[4]);
    Path go = args.length > 5 ? Path.of(args[5]) : null;
    Signer signer = ExaminerIdentity.load(Path.of(args[1]), password, Instant.now());
    CustodyRecorder recorder = CustodyRecorder.signed(signer, HostInfo.current(), ToolInfo.current(), EvidenceClock.system());
    ReportRendering.Checkpoint checkpoint = step -> {
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
    new ReportRendering(EvidenceClock.system(), HostInfo.current().hostname(), checkpoint)
        .render(directory.toAbsolutePath().normalize(), signer, null, recorder);
    Files.writeString(marker, "ended without stopping at " + stopAt, StandardCharsets.UTF_8);
  }
}
