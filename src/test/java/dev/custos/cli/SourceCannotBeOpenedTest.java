package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.custos.testing.Cli;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source that cannot be acquired: one line that says why, not just its path; exit 2; nothing written. */
class SourceCannotBeOpenedTest {
  private static final String WHY_NOT = ": Custos acquires a block device, a partition or a regular file, whose every sector"
      + " can be read again; nothing was read";

  @TempDir Path temp;

  @Test
  void acquire_missingSource_saysItDoesNotExist() {
    Path source = temp.resolve("missing.bin");
    assertRefused(source, "source " + source + " does not exist");
  }

  @Test
  void acquire_directorySource_saysItIsADirectory() throws Exception {
    Path source = Files.createDirectory(temp.resolve("dir"));
    assertRefused(source, "source " + source + " is a directory" + WHY_NOT);
  }

  @Test
  void acquire_fifoSource_saysItIsAFifo() {
    Path source = temp.resolve("fifo");
    ExternalTool.ok("mkfifo", source.toString());
    assertRefused(source, "source " + source + " is a FIFO (named pipe)" + WHY_NOT);
  }

  @Test
  void acquire_characterDevice_saysItIsACharacterDevice() {
    assertRefused(Path.of("/dev/null"), "source /dev/null is a character device" + WHY_NOT);
  }

  @Test
  void acquire_sourceBehindUnsearchableDirectory_saysPermissionDenied() throws Exception {
    Path locked = Files.createDirectory(temp.resolve("locked"));
    Path source = Files.write(locked.resolve("source.bin"), new byte[4096]);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      // Root reads through mode 000: the refusal can then not be made for real here.
      boolean rootReadsAnyway = Files.isReadable(source);
      if (rootReadsAnyway) {
        System.err.println("skipped: this user (root) is not denied by mode 000, so permission denied cannot be made for real");
      }
      assumeFalse(rootReadsAnyway, "this user (root) is not denied by mode 000");
      assertRefused(source, "source " + source + " cannot be reached: permission denied (a directory on its path cannot be searched)");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void acquire_sourceAFileSystemReportsBusy_saysBusy() throws Exception {
    Path backing = Files.write(temp.resolve("backing.bin"), new byte[64 * 1024]);
    try (FailingDevice device = FailingDevice.attach(backing, temp.resolve("fuse"), List.of())) {
      device.holdBusy();
      Path source = device.fuseFile();
      assertRefused(source, "source " + source + " cannot be read: device or resource busy");
    }
  }

  private void assertRefused(Path source, String line) {
    Path out = temp.resolve("evidence");

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("acquire image: " + line + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(out).doesNotExist();
  }
}
