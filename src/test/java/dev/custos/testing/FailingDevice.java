package dev.custos.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

/**
 * A real failing block device: a FUSE file returning EIO for chosen byte ranges, attached
 * read-only to a loop device ({@code test-fixtures/failing-device/}). Reading it fails at those
 * sectors as a dying drive does.
 */
public final class FailingDevice implements AutoCloseable {
  private static final Path SCRIPTS = Path.of("test-fixtures/failing-device").toAbsolutePath();

  private final Path workDir;
  private final Path device;

  private FailingDevice(Path workDir, Path device) {
    this.workDir = workDir;
    this.device = device;
  }

  /**
   * Attaches {@code backing} with reads failing in each {@code start:length} byte range.
   * Skips the test, saying why, where root, loop devices or FUSE are missing.
   */
  public static FailingDevice attach(Path backing, Path workDir, List<String> badRanges) {
    ExternalTool.Result prereqs = ExternalTool.run(List.of(SCRIPTS.resolve("check-prereqs.sh").toString()));
    assumeTrue(prereqs.exitCode() == 0, "no failing device here: " + prereqs.output().strip());
    List<String> command = ExternalTool.command(SCRIPTS.resolve("attach.sh").toString(), backing.toString(), workDir.toString());
    for (String range : badRanges) {
      command.add("--bad");
      command.add(range);
    }
    String output = ExternalTool.ok(command.toArray(String[]::new)).strip();
    String[] lines = output.split("\n");
    return new FailingDevice(workDir, Path.of(lines[lines.length - 1].strip()));
  }

  public Path path() {
    return device;
  }

  @Override
  public void close() {
    ExternalTool.run(List.of(SCRIPTS.resolve("detach.sh").toString(), workDir.toString()));
  }
}
