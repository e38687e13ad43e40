package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.CustosProcess;
import dev.custos.testing.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code acquire resume DIR} writes, truncates and makes read-only only files with one name: a
 * file of the directory hard-linked to a file outside it is refused before anything is written,
 * and the outside file keeps its bytes and its mode. Before, the reserve was truncated and filled
 * with 16 MiB through the link, and the image written through it and chmod'ed 0444.
 */
class AcquireResumeHardLinkTest {
  private static final long SOURCE_BYTES = 64L << 20;

  @TempDir Path temp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {".custos-reserve", "image.ima", "acquisition-progress.jsonl"})
  void resume_fileHardLinkedToAFileOutside_refusedAndTheOutsideFileUnchanged(String name) throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), SOURCE_BYTES, 51);
    Path out = temp.resolve("evidence");
    CustosProcess acquisition = CustosProcess.start(temp, "acquire", "acquire", "image", source.toString(), "--out", out.toString(),
        "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--unsigned", "--piece-size", "4MiB");
    assertThat(acquisition.signalAt(out.resolve("image.ima"), 16L << 20, "KILL")).as("killed").isEqualTo(137);
    Path inside = out.resolve(name);
    Path outside = Files.createDirectory(temp.resolve("outside")).resolve("victim");
    if (Files.exists(inside)) {
      Files.copy(inside, outside); // the same bytes: only a write through the link would change them
      Files.delete(inside);
    } else {
      Evidence.randomFile(outside, 100, 52);
    }
    Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
    Files.setPosixFilePermissions(outside, mode);
    Files.createLink(inside, outside);
    byte[] before = Files.readAllBytes(outside);
    byte[] custodyBefore = Files.readAllBytes(out.resolve("custody.jsonl"));

    Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isEqualTo(2);
    assertThat(resumed.err().strip()).as("one line").doesNotContain("\n").contains(inside.toString()).contains("2 names");
    assertThat(Files.readAllBytes(outside)).as("the outside file, byte for byte").isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(outside)).as("its mode").isEqualTo(mode);
    assertThat(Files.readAllBytes(out.resolve("custody.jsonl"))).as("nothing recorded").isEqualTo(custodyBefore);
  }

  /** {@code acquire image} into a directory holding a reserve hard-linked to a file outside it: refused, the file unchanged. */
  @Test
  void image_reserveHardLinkedToAFileOutside_refusedAndTheOutsideFileUnchanged() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), 1L << 20, 53);
    Path out = Files.createDirectory(temp.resolve("evidence"));
    Path outside = Evidence.randomFile(Files.createDirectory(temp.resolve("outside")).resolve("victim"), 100, 54);
    Files.createLink(out.resolve(".custos-reserve"), outside);
    byte[] before = Files.readAllBytes(outside);
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(outside);

    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n");
    assertThat(Files.readAllBytes(outside)).isEqualTo(before);
    assertThat(Files.getPosixFilePermissions(outside)).isEqualTo(mode);
    assertThat(out.resolve("image.ima")).doesNotExist();
  }
}
