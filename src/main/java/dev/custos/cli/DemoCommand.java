package dev.custos.cli;

import dev.custos.acquire.AcquisitionRequest;
import dev.custos.crypto.ExaminerIdentity;
import dev.custos.crypto.Signer;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import dev.custos.evidence.CaseInfo;
import dev.custos.image.ImageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acquire demo [DIR]}: the whole job on the bundled floppy fixture, nothing to set up. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Acquire the bundled floppy fixture, with nothing to set up.",
        "The FAT12 floppy fixture (test-fixtures/floppy-fat12.ima) is acquired with demo case fields into DIR (default"
            + " ./evidence-demo; a new directory each run), and the command prints where the evidence is.",
        "The custody log is signed by a throw-away identity whose certificate says: DEMO \u2014 not for casework."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:completed",
        "1:failed: the source changed during acquisition, or the custody log was altered meanwhile",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE,
        ExitCodes.HELP_INTERRUPTED})
final class DemoCommand implements Callable<Integer> {
  static final String FIXTURE = "test-fixtures/floppy-fat12.ima";

  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Evidence directory to create.")
  Path directory;

  @Override
  public Integer call() throws CustosException, InterruptedException {
    Path fixture = findFixture();
    Path target = directory != null ? directory : freshDirectory(Path.of("evidence-demo"));
    CaseInfo demo = new CaseInfo("DEMO-0001", "FLOPPY-01", ExaminerIdentity.DEMO_NAME,
        "Custos demo: the bundled 1.44 MB FAT12 floppy fixture", "Acquired by 'acquire demo'; not evidence of anything.");
    AcquisitionRequest request = new AcquisitionRequest(fixture, target, demo, ImageLayout.raw("ima"),
        AcquisitionRequest.DEFAULT_ALGORITHMS, AcquisitionRequest.DEFAULT_PIECE_ALGORITHM, AcquisitionRequest.DEFAULT_PIECE_SIZE,
        AcquisitionRequest.DEFAULT_BLOCK_SIZE, AcquisitionRequest.DEFAULT_RESCUE, false, null);
    // A throw-away identity: the demo shows signing end to end, and its certificate says it proves nothing.
    Environment environment = Environment.of(spec);
    Signer demoIdentity = ExaminerIdentity.demo(environment.clock().instant());
    int code = AcquisitionRunner.run(environment, environment.invocation(spec), request, new SigningOptions.Signing(demoIdentity, null),
        environment.recorder(demoIdentity), AfterAcquisitionChecks.NONE, GoingOn.DEMO, spec.commandLine().getOut(), spec.commandLine().getErr());
    spec.commandLine().getOut().println("Evidence is in " + target.toAbsolutePath().normalize());
    return code;
  }

  /** The fixture beside the launcher ({@code custos.home}), else under the working directory. */
  private static Path findFixture() throws UsageException {
    String home = System.getProperty("custos.home");
    Path candidate = (home != null ? Path.of(home) : Path.of("")).resolve(FIXTURE).toAbsolutePath().normalize();
    if (!Files.isRegularFile(candidate)) {
      throw new UsageException("the demo fixture " + candidate + " is missing; run the demo from the Custos checkout (./acquire demo)");
    }
    return candidate;
  }

  /** {@code base}, or {@code base-2}, {@code base-3}, … whichever does not exist yet. */
  static Path freshDirectory(Path base) {
    Path candidate = base;
    for (int n = 2; Files.exists(candidate); n++) {
      candidate = base.resolveSibling(base.getFileName() + "-" + n);
    }
    return candidate;
  }
}
