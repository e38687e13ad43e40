package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image file that gives read errors is an I/O failure (exit 3), not a finding about the evidence. */
class VerifyReadFailureTest {
  @TempDir Path temp;

  @Test
  void anImageFileReturningEio_isExit3_inOneLine_andTheEvidenceIsLeftAsItWas() throws IOException {
    ExternalTool.assumeRoot();
    Path dir = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(dir, "--unsigned").exitCode()).isZero();
    Path image = dir.resolve("image.ima");
    Path backing = Files.copy(image, temp.resolve("backing.ima"));
    long logSize = Files.size(dir.resolve("custody.jsonl"));
    try (FailingDevice failing = FailingDevice.attach(backing, temp.resolve("fuse"), List.of("700000:4096"))) {
      assertThat(failing.path()).as("the failing loop device").exists();
      Path fuseFile = temp.resolve("fuse/mnt/disk.img");
      ExternalTool.ok("mount", "--bind", fuseFile.toString(), image.toString());
      try {
        Cli.Run run = Cli.run("report", "verify", dir.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("report verify: cannot read the image:").contains("image.ima")
            .doesNotContain("Exception");
        assertThat(Files.size(dir.resolve("custody.jsonl"))).as("nothing recorded").isEqualTo(logSize);
      } finally {
        ExternalTool.ok("umount", image.toString());
      }
    }
    assertThat(Cli.run("report", "verify", dir.toString(), "--no-record").exitCode()).isZero();
  }
}
