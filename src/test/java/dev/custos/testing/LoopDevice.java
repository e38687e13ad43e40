package dev.custos.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/** A real loop device over a file, detached on close. Needs root and losetup. */
public final class LoopDevice implements AutoCloseable {
  private final Path device;

  private LoopDevice(Path device) {
    this.device = device;
  }

  /** Attaches {@code file} read-only ({@code losetup -r}): the kernel's read-only flag is set. */
  public static LoopDevice readOnly(Path file) {
    return attach(file, "-r");
  }

  /** Attaches {@code file} writable: the kernel's read-only flag is clear. */
  public static LoopDevice writable(Path file) {
    return attach(file);
  }

  /** Attaches {@code file} writable with its partitions scanned ({@code /dev/loopNpM}). */
  public static LoopDevice partitioned(Path file) {
    return attach(file, "-P");
  }

  private static LoopDevice attach(Path file, String... options) {
    assumeLoopDevices();
    java.util.List<String> command = ExternalTool.command("losetup", "-f", "--show");
    command.addAll(java.util.List.of(options));
    command.add(file.toString());
    ExternalTool.Result result = ExternalTool.run(command);
    assumeTrue(result.exitCode() == 0, "losetup failed, no loop devices here: " + result.output().strip());
    return new LoopDevice(Path.of(result.stdout().strip()));
  }

  /** Skips the test, saying why, where loop devices cannot be made. */
  public static void assumeLoopDevices() {
    ExternalTool.assumeRoot();
    ExternalTool.assumeInstalled("losetup");
    assumeTrue(java.nio.file.Files.exists(Path.of("/dev/loop-control")), "no /dev/loop-control: skipping");
  }

  public Path path() {
    return device;
  }

  /** The node of partition {@code number}, waiting for the kernel to create it. */
  public Path partition(int number) {
    Path node = Path.of(device + "p" + number);
    for (int i = 0; i < 100 && !java.nio.file.Files.exists(node); i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assumeTrue(java.nio.file.Files.exists(node), node + " did not appear: no partition nodes for loop devices here");
    return node;
  }

  @Override
  public void close() {
    // The kernel keeps a read-only flag set with BLKROSET on the loop device after detaching: the
    // next test attaching the same /dev/loopN would inherit it.
    ExternalTool.run(ExternalTool.command("blockdev", "--setrw", device.toString()));
    ExternalTool.run(ExternalTool.command("losetup", "-d", device.toString()));
  }
}
