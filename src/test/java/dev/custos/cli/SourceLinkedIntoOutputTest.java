package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custos never writes to the source: the source file hard-linked into the evidence directory
 * under a name Custos writes (its lock, its progress record, its image) is refused, by {@code
 * acquire image} and by {@code acquire resume}, before a byte is written, and the source keeps its
 * SHA-256 and its mode.
 */
class SourceLinkedIntoOutputTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {".acquisition.lock", "acquisition-progress.jsonl", "image.ima", "drive-identity-1-before-smartctl.json",
      ".drive-identity-2-before-smartctl.json.partial"})
  void image_sourceHardLinkedIntoTheOutput_refused_sourceUnchanged(String name) throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 1L << 20, 61);
    Path out = Files.createDirectory(temp.resolve("evidence"));
    Files.createLink(out.resolve(name), source);
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(source);
    String before = ExternalTool.digestOf("sha256sum", source);

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err().strip()).as("one line").doesNotContain("\n").contains(out.toString()).contains(name);
    assertThat(ExternalTool.digestOf("sha256sum", source)).as("the source's SHA-256").isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(source)).as("its mode").isEqualTo(mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {".acquisition.lock", "acquisition-progress.jsonl", "image.ima", "drive-identity-1-before-smartctl.json",
      ".drive-identity-2-before-smartctl.json.partial"})
  void resume_sourceHardLinkedIntoTheOutput_refused_sourceUnchanged(String name) throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 64L << 20, 62);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 16L << 20, "KILL")).as("killed").isEqualTo(137);
    Path inside = out.resolve(name);
    Files.deleteIfExists(inside);
    Files.createLink(inside, source);
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(source, mode);
    String before = ExternalTool.digestOf("sha256sum", source);
    byte[] custodyBefore = Files.readAllBytes(out.resolve("custody.jsonl"));

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(2);
    assertThat(resumed.err().strip()).as("one line").doesNotContain("\n").contains(inside.toString());
    assertThat(ExternalTool.digestOf("sha256sum", source)).as("the source's SHA-256").isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(source)).as("its mode").isEqualTo(mode);
    assertThat(Files.readAllBytes(out.resolve("custody.jsonl"))).as("nothing recorded").isEqualTo(custodyBefore);
  }
}
