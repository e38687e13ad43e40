package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converting a raw acquisition to E01: the source is another evidence directory's image, so the
 * new directory records where it came from (the directory, its manifest's SHA-256, the digests it
 * records) and proves, by computing them again, that the image read is the one recorded; an image
 * changed since is not converted as if it were.
 */
class ConvertToE01Test {
  private static final int SIZE = (2 << 20) + 512;

  @TempDir Path temp;

  private Path rawAcquisition() throws IOException {
    Path source = AcquireE01Test.mixedSource(temp.resolve("drive.bin"), SIZE);
    Path raw = temp.resolve("raw-evidence");
    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", raw.toString(), "--case", "C", "--evidence", "E",
        "--examiner", "X", "--unsigned");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return raw;
  }

  private static Cli.Run convert(Path from, Path to) {
    return Cli.run("acquire", "image", from.toString(), "--out", to.toString(), "--case", "C", "--evidence", "E", "--examiner", "X",
        "--format", "e01", "--hash", "md5,sha1", "--unsigned");
  }

  @Test
  void convert_evidenceDirectory_recordsItsProvenanceAndProvesTheDigestsEqual() throws IOException {
    Path raw = rawAcquisition();
    Path e01 = temp.resolve("e01-evidence");

    Cli.Run run = convert(raw, e01);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("converted", "equal the ones that manifest records");
    JsonNode manifest = Evidence.manifest(e01);
    assertThat(EvidenceSchema.MANIFEST.violations(manifest)).isEmpty();
    JsonNode provenance = manifest.path("provenance");
    assertThat(provenance.path("directory").asText()).isEqualTo(raw.toAbsolutePath().toString());
    assertThat(provenance.path("imageFile").asText()).isEqualTo("image.ima");
    assertThat(provenance.path("manifestSha256").asText()).isEqualTo(ExternalTool.digestOf("sha256sum", raw.resolve("acquisition.json")));
    assertThat(provenance.path("digestsEqual").asBoolean()).isTrue();
    assertThat(manifest.path("parameters").path("algorithms").toString()).as("the recorded SHA-256 computed again too")
        .contains("md5", "sha1", "sha256");
    String rawMd5 = ExternalTool.digestOf("md5sum", raw.resolve("image.ima"));
    assertThat(provenance.path("recordedDigests").path("md5").asText()).isEqualTo(rawMd5);
    assertThat(manifest.path("digests").path("md5").asText()).isEqualTo(rawMd5);
    JsonNode started = Evidence.custodyEvents(e01).get(0);
    assertThat(started.path("type").asText()).isEqualTo("acquisition-started");
    assertThat(started.path("data").path("provenance").path("manifestSha256").asText()).isEqualTo(provenance.path("manifestSha256").asText());
    assertThat(ExternalTool.ok("ewfverify", "-q", e01.resolve("image.E01").toString())).contains("SUCCESS");
  }

  @Test
  void convert_imageFileOfAnEvidenceDirectory_sameProvenance() throws IOException {
    Path raw = rawAcquisition();
    Path e01 = temp.resolve("e01-evidence");

    Cli.Run run = convert(raw.resolve("image.ima"), e01);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(Evidence.manifest(e01).path("provenance").path("digestsEqual").asBoolean()).isTrue();
  }

  @Test
  void convert_imageChangedSinceItsAcquisition_failsNamingTheDigestsThatDiffer() throws IOException {
    Path raw = rawAcquisition();
    Path image = raw.resolve("image.ima");
    Files.setPosixFilePermissions(image, PosixFilePermissions.fromString("rw-r--r--"));
    try (FileChannel channel = FileChannel.open(image, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {'X'}), 1000);
    }
    Path e01 = temp.resolve("e01-evidence");

    Cli.Run run = convert(raw, e01);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("is not the one", "MD5 is " + ExternalTool.digestOf("md5sum", image), "it changed since");
    JsonNode manifest = Evidence.manifest(e01);
    assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("failed");
    assertThat(manifest.path("provenance").path("digestsEqual").asBoolean(true)).isFalse();
    assertThat(ExternalTool.run(java.util.List.of("ewfverify", "-q", e01.resolve("image.E01").toString())).exitCode())
        .as("the set is left unfinished: no reader takes it for an image").isNotZero();
  }

  @Test
  void convert_splitEvidenceDirectory_refusedWithOneLine() throws IOException {
    Path source = AcquireE01Test.mixedSource(temp.resolve("drive.bin"), SIZE);
    Path split = temp.resolve("split-evidence");
    assertThat(Cli.run("acquire", "image", source.toString(), "--out", split.toString(), "--case", "C", "--evidence", "E",
        "--examiner", "X", "--format", "split", "--segment-size", "1MiB", "--unsigned").exitCode()).isZero();

    Cli.Run run = convert(split, temp.resolve("e01-evidence"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).contains("converts an evidence directory's image when it is one raw file").doesNotContain("\n");
  }
}
