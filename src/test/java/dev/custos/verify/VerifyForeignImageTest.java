package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.Tamper;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.PythonJsonSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report verify IMAGE}: images other tools made, against digests md5sum and sha256sum printed. */
class VerifyForeignImageTest {
  private static final Path SCHEMA = Path.of("evidence-schema/verification.schema.json").toAbsolutePath();

  @TempDir Path temp;

  @Test
  void bareImage_verifiesAgainstTheListsMd5sumAndSha256sumWrite() throws IOException {
    Path image = Evidence.randomFile(temp.resolve("disk.dd"), 3_000_000, 1);
    Path list = temp.resolve("disk.hashes");
    Files.writeString(list, shell("md5sum disk.dd; sha256sum --tag disk.dd"));

    Cli.Run run = Cli.run("report", "verify", image.toString(), "--hashes", list.toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("2 of 2 digests of the image match the given (md5, sha256)").contains("VERIFIED: the image has every digest given");
    assertThat(filesIn(temp)).containsExactlyInAnyOrder("disk.dd", "disk.hashes");
  }

  @Test
  void splitSet_foundFromItsFirstSegment_verifiesAgainstTheDigestOfTheWholeImage() throws IOException {
    Evidence.randomFile(temp.resolve("disk.raw"), 2_500_000, 2);
    String md5 = shell("md5sum disk.raw").split(" ")[0];
    String sha256 = shell("sha256sum disk.raw").split(" ")[0];
    shell("split -b 1000000 -d -a 3 --numeric-suffixes=1 disk.raw disk.raw. && split -b 700000 disk.raw letters.");

    Cli.Run numbered = Cli.run("report", "verify", temp.resolve("disk.raw.001").toString(), "--md5", md5, "--sha256", sha256);
    Cli.Run lettered = Cli.run("report", "verify", temp.resolve("letters.aa").toString(), "--md5", md5.toUpperCase(java.util.Locale.ROOT));

    assertThat(numbered.exitCode()).as(numbered.out() + numbered.err()).isZero();
    assertThat(numbered.out()).contains("3 files read in order as one image (disk.raw.001 … disk.raw.003), 2500000 bytes");
    assertThat(lettered.exitCode()).as(lettered.out() + lettered.err()).isZero();
    assertThat(lettered.out()).contains("4 files read in order as one image (letters.aa … letters.ad)");
  }

  @Test
  void aChangedByte_doesNotVerify_andEachDigestIsShownBothWays() throws IOException {
    Path image = Evidence.randomFile(temp.resolve("disk.img"), 1_000_000, 3);
    String md5 = ExternalTool.digestOf("md5sum", image);
    Tamper.flip(image, 123_456);

    Cli.Run run = Cli.run("report", "verify", image.toString(), "--md5", md5, "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"recorded\": \"" + md5 + "\"")
        .contains("\"computed\": \"" + ExternalTool.digestOf("md5sum", image) + "\"");
    Path json = Files.writeString(temp.resolve("out.json"), run.out());
    PythonJsonSchema.Result valid = PythonJsonSchema.validate(SCHEMA, json);
    assertThat(valid.valid()).as(valid.output()).isTrue();
  }

  @Test
  void badInput_isOneLineAndExit2() throws IOException {
    Path image = Evidence.randomFile(temp.resolve("disk.dd"), 10_000, 4);
    shell("split -b 4000 -d -a 3 --numeric-suffixes=1 disk.dd disk.dd.");

    Cli.Run noDigest = Cli.run("report", "verify", image.toString());
    Cli.Run badHex = Cli.run("report", "verify", image.toString(), "--md5", "xyz");
    Cli.Run laterSegment = Cli.run("report", "verify", temp.resolve("disk.dd.002").toString(), "--md5", "0".repeat(32));
    Cli.Run withKey = Cli.run("report", "verify", image.toString(), "--md5", "0".repeat(32), "--key", "k.p12");

    for (Cli.Run run : List.of(noDigest, badHex, laterSegment, withKey)) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err().strip().lines()).hasSize(1);
    }
    assertThat(laterSegment.err()).contains("give the first segment").contains("disk.dd.001");
  }

  private String shell(String command) {
    return ExternalTool.ok("bash", "-c", "cd '" + temp + "' && " + command);
  }

  private static List<String> filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).toList();
    }
  }
}
