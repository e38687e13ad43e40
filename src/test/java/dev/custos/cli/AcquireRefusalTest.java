package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.LoopDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every refusal: one clear line on stderr, exit 2, no stack trace, and nothing written — the
 * output directory is not even created.
 */
class AcquireRefusalTest {
  @TempDir Path temp;

  private Cli.Run acquire(String source, Path out, String... extra) {
    List<String> args = ExternalTool.command("acquire", "image", source, "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned");
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static void assertRefused(Cli.Run run, String expectedMessagePart) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as("one line, no trace: " + run.err()).hasSize(1);
    assertThat(run.err()).contains(expectedMessagePart).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void image_missingSource_refusedAndNothingWritten() {
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(temp.resolve("no-such-disk").toString(), out);

    assertRefused(run, "does not exist");
    assertThat(out).doesNotExist();
  }

  @Test
  void image_sourceIsADirectory_refused() {
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(temp.toString(), out);

    assertRefused(run, "source");
    assertThat(out).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({".acquisition.lock", ".custos-reserve", "acquisition-progress.jsonl", "disk.bin"})
  void image_sourceFileInsideTheOutputDirectory_refusedAndSourceUntouched(String name) throws IOException {
    Path out = Files.createDirectory(temp.resolve("evidence"));
    Path source = Evidence.randomFile(out.resolve(name), 1 << 20, 5);
    String before = ExternalTool.digestOf("md5sum", source);

    Cli.Run run = acquire(source.toString(), out);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).containsAnyOf("lies inside it", "already holds evidence");
    assertThat(ExternalTool.digestOf("md5sum", source)).as("the source, byte for byte").isEqualTo(before);
    assertThat(out.resolve("custody.jsonl")).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({".acquisition.lock, is not a Custos lock file", ".custos-reserve, holds a file named .custos-reserve"})
  void image_foreignFileNamedLikeCustosOwn_refusedAndLeftAsItIs(String name, String message) throws IOException {
    Path out = Files.createDirectory(temp.resolve("evidence"));
    Path foreign = Evidence.randomFile(out.resolve(name), 4096, 6);
    String before = ExternalTool.digestOf("md5sum", foreign);

    Cli.Run run = acquire(Evidence.FLOPPY.toString(), out);

    assertRefused(run, message);
    assertThat(ExternalTool.digestOf("md5sum", foreign)).as("the foreign file, byte for byte").isEqualTo(before);
    assertThat(out.resolve("custody.jsonl")).doesNotExist();
  }

  @Test
  void image_emptySource_refused() throws IOException {
    Path empty = Files.createFile(temp.resolve("empty.bin"));
    Path out = temp.resolve("evidence");

    Cli.Run run = acquire(empty.toString(), out);

    assertRefused(run, "is empty");
    assertThat(out).doesNotExist();
  }

  @Test
  void image_outputAlreadyHoldsEvidence_refusedAndEvidenceUntouched() throws IOException {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 4096, 1);
    Path out = Files.createDirectory(temp.resolve("evidence"));
    Path existing = Files.writeString(out.resolve("acquisition.json"), "{\"earlier\": true}\n");

    Cli.Run run = acquire(source.toString(), out);

    assertRefused(run, "already holds evidence (acquisition.json)");
    assertThat(Files.readString(existing)).isEqualTo("{\"earlier\": true}\n");
    try (var entries = Files.list(out)) {
      assertThat(entries).hasSize(1);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "--hash, md6, unknown hash algorithm",
      "--hash, 'md5,md5', named twice",
      "--segment-size, 1000, segment size",
      "--block-size, 1000, block size",
      "--piece-size, 100, piece size",
      "--retries, -1, retries",
      "--format, ewf, --format",
      "--extension, exe, extension",
      "--piece-hash, md5, piece algorithm"})
  void image_badOptionValue_refusedNamingIt(String option, String value, String expected) {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 4096, 1);
    Path out = temp.resolve("evidence");
    String[] extra = option.equals("--segment-size") ? new String[] {"--format", "split", option, value} : new String[] {option, value};

    Cli.Run run = acquire(source.toString(), out, extra);

    assertRefused(run, expected);
    assertThat(out).doesNotExist();
  }

  @Test
  void image_missingCaseField_refused() {
    Cli.Run run = Cli.run("acquire", "image", "x", "--out", temp.resolve("e").toString(), "--case", "C", "--evidence", "E");

    assertRefused(run, "--examiner");
  }

  @Test
  void image_tooLittleFreeSpace_refusedWithBytesNeededAndFree() {
    ExternalTool.assumeRoot();
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 32L << 20, 3);
    Path small = temp.resolve("small");
    ExternalTool.ok("mkdir", "-p", small.toString());
    ExternalTool.ok("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", small.toString());
    try {
      Cli.Run run = acquire(source.toString(), small.resolve("evidence"));

      assertRefused(run, "not enough free space");
      assertThat(run.err()).containsPattern("needs \\d+ bytes").containsPattern("\\d+ bytes are free");
      assertThat(small.resolve("evidence")).doesNotExist();
    } finally {
      ExternalTool.run(List.of("umount", small.toString()));
    }
  }

  @Test
  void image_writableDeviceWithoutWriteBlock_refusedNamingTheThreeWays() {
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), 1 << 20, 4);
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.writable(backing)) {

      Cli.Run run = acquire(loop.path().toString(), out);

      assertRefused(run, "not write-blocked");
      assertThat(run.err()).contains("--set-readonly").contains("--hardware-write-blocker").contains("blockdev --setro");
      assertThat(out).doesNotExist();
      assertThat(ExternalTool.ok("blockdev", "--getro", loop.path().toString()).strip()).isEqualTo("0");
    }
  }

  @Test
  void image_deviceMountedWritable_refusedEvenWithBlockerDeclared() throws IOException {
    ExternalTool.assumeInstalled("mkfs.ext4");
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), 16L << 20, 5);
    ExternalTool.ok("mkfs.ext4", "-q", "-F", backing.toString());
    Path mountPoint = Files.createDirectory(temp.resolve("mnt"));
    Path out = temp.resolve("evidence");
    try (LoopDevice loop = LoopDevice.writable(backing)) {
      ExternalTool.ok("mount", loop.path().toString(), mountPoint.toString());
      try {
        Cli.Run run = acquire(loop.path().toString(), out, "--hardware-write-blocker", "Tableau T35u");

        assertRefused(run, "mounted writable at " + mountPoint);
        assertThat(out).doesNotExist();
      } finally {
        ExternalTool.run(List.of("umount", mountPoint.toString()));
      }
    }
  }

  @Test
  void image_outputInsideMountedFileSystemOfSource_refusedBeforeWriting() throws IOException {
    ExternalTool.assumeInstalled("mkfs.ext4");
    Path backing = Evidence.randomFile(temp.resolve("disk.bin"), 16L << 20, 6);
    ExternalTool.ok("mkfs.ext4", "-q", "-F", backing.toString());
    Path mountPoint = Files.createDirectory(temp.resolve("mnt"));
    try (LoopDevice loop = LoopDevice.writable(backing)) {
      ExternalTool.ok("mount", "-o", "ro", loop.path().toString(), mountPoint.toString());
      try {
        Cli.Run run = acquire(loop.path().toString(), mountPoint.resolve("evidence"), "--set-readonly");

        assertRefused(run, "lies on the source");
        assertThat(mountPoint.resolve("evidence")).doesNotExist();
      } finally {
        ExternalTool.run(List.of("umount", mountPoint.toString()));
      }
    }
  }
}
