package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.Tamper;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report verify DIR --verify-source DEVICE}: the source re-read through a real loop device,
 * under the write-block rules of acquisition, and compared piece by piece.
 */
class VerifySourceTest {
  private static final int SIZE = 2 << 20;

  @TempDir Path temp;

  @Test
  void theSourceUnchanged_verifies_andAfterItChanged_doesNotAndTheChangedPieceIsNamed() throws IOException {
    Path backing = Evidence.randomFile(temp.resolve("drive.bin"), SIZE, 11);
    Path dir = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(backing)) {
      acquire(loop.path(), dir);

      Cli.Run same = Cli.run("report", "verify", dir.toString(), "--verify-source", loop.path().toString(), "--no-record");

      assertThat(same.exitCode()).as(same.out() + same.err()).isZero();
      assertThat(same.out()).containsPattern("source +PASS +" + loop.path() + ": 2 of 2 digests of the source match the recorded");

      Tamper.flip(backing, 1_500_000);  // piece 5 of 256 KiB pieces: bytes 1310720–1572863
      ExternalTool.ok("blockdev", "--flushbufs", loop.path().toString());

      Cli.Run changed = Cli.run("report", "verify", dir.toString(), "--verify-source", loop.path().toString(), "--no-record");

      assertThat(changed.exitCode()).as(changed.out() + changed.err()).isEqualTo(1);
      assertThat(changed.out())
          .containsPattern("image-digests +PASS")
          .containsPattern("source +FAIL")
          .contains("piece 5 differs: bytes 1310720–1572863, LBA 2560–3071");
    }
  }

  @Test
  void anotherDrive_isNamedAsNotTheSame_andNotReRead() {
    Path backing = Evidence.randomFile(temp.resolve("drive.bin"), SIZE, 12);
    Path other = Evidence.randomFile(temp.resolve("other.bin"), SIZE + 4096, 13);
    Path dir = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(backing); LoopDevice otherLoop = LoopDevice.readOnly(other)) {
      acquire(loop.path(), dir);

      Cli.Run run = Cli.run("report", "verify", dir.toString(), "--verify-source", otherLoop.path().toString(), "--no-record");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).contains(otherLoop.path() + " is " + (SIZE + 4096) + " bytes, the source acquired was " + SIZE
          + " bytes: not the same drive");
    }
  }

  @Test
  void aWritableSource_isRefusedUnderTheWriteBlockRules_beforeAnythingIsRead() {
    Path backing = Evidence.randomFile(temp.resolve("drive.bin"), SIZE, 14);
    Path dir = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.readOnly(backing)) {
      acquire(loop.path(), dir);
    }
    try (LoopDevice writable = LoopDevice.writable(backing)) {
      Cli.Run run = Cli.run("report", "verify", dir.toString(), "--verify-source", writable.path().toString(), "--no-record");

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--set-readonly");
    }
  }

  private static void acquire(Path device, Path dir) {
    Cli.Run run = Cli.run("acquire", "image", device.toString(), "--out", dir.toString(), "--case", "C", "--evidence", "E",
        "--examiner", "Jane Doe", "--unsigned", "--piece-size", "256KiB");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }
}
