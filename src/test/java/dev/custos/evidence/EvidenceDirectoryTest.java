package dev.custos.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.io.SourceFileKey;
import dev.custos.testing.SmallDisk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceDirectoryTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"image.ima", "image.dd", "image.img", "image.raw", "image.001", "image.002", "image.1000", "image.E01", "image.E02", "image.EAA",
      "acquisition.json", "custody.jsonl", "examiner.pem", "report.pdf", "report-2.pdf", "report-10.pdf"})
  void forNewAcquisition_directoryHoldingEvidence_refusedNamingTheFile(String name, @TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve(name), "earlier evidence", StandardCharsets.UTF_8);

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> EvidenceDirectory.forNewAcquisition(dir))
        .withMessageContaining(name)
        .withMessageContaining(dir.toString());
    assertThat(Files.readString(dir.resolve(name), StandardCharsets.UTF_8)).isEqualTo("earlier evidence");
  }

  @Test
  void forNewAcquisition_severalEvidenceFiles_namesEveryOneSorted(@TempDir Path dir) throws Exception {
    for (String name : new String[] {"report-2.pdf", "image.001", "acquisition.json", "notes.txt", "image.002"}) {
      Files.createFile(dir.resolve(name));
    }

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> EvidenceDirectory.forNewAcquisition(dir))
        .withMessageContaining("(acquisition.json, image.001, image.002, report-2.pdf)")
        .withMessageNotContaining("notes.txt");
  }

  @Test
  void forNewAcquisition_emptyDirectory_accepted(@TempDir Path dir) throws Exception {
    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(dir);

    assertThat(directory.root()).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void forNewAcquisition_absentDirectory_acceptedAndNothingCreated(@TempDir Path dir) throws Exception {
    Path absent = dir.resolve("case-2026-0142").resolve("HDD-01");

    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(absent);

    assertThat(directory.root()).isEqualTo(absent);
    assertThat(dir.resolve("case-2026-0142")).doesNotExist();
    assertThat(directory.nearestExisting()).isEqualTo(dir);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"notes.txt", "image.e01", "image.E00", "image.iso", "image.01", "IMAGE.001", "report-final.pdf",
      "acquisition.json.bak", ".acquisition.json.partial", "custody.log", "examiner.p12", "photo.jpg"})
  void forNewAcquisition_unrelatedFiles_accepted(String name, @TempDir Path dir) throws Exception {
    Files.createFile(dir.resolve(name));

    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(dir);

    assertThat(directory.root()).isEqualTo(dir.toAbsolutePath().normalize());
  }

  @Test
  void forNewAcquisition_evidenceOnlyInASubdirectory_accepted(@TempDir Path dir) throws Exception {
    Files.createFile(Files.createDirectory(dir.resolve("earlier")).resolve("image.001"));

    assertThat(EvidenceDirectory.forNewAcquisition(dir).root()).isEqualTo(dir);
  }

  @Test
  void forNewAcquisition_regularFile_refused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "a file", StandardCharsets.UTF_8);

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> EvidenceDirectory.forNewAcquisition(file))
        .withMessageContaining(file.toString())
        .withMessageContaining("not a directory");
  }

  @Test
  void forNewAcquisition_pathWithDotDot_rootNormalized(@TempDir Path dir) throws Exception {
    Path sub = Files.createDirectory(dir.resolve("sub"));

    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(sub.resolve("..").resolve("new"));

    assertThat(directory.root()).isEqualTo(dir.resolve("new"));
  }

  @Test
  void create_absentDirectory_createdWithItsParents(@TempDir Path dir) throws Exception {
    Path absent = dir.resolve("a").resolve("b");
    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(absent);

    directory.create();

    assertThat(absent).isDirectory().isEmptyDirectory();
  }

  @Test
  void reserveRoom_thenRelease_keepsExactlyThatManyBytesUntilReleased(@TempDir Path dir) throws Exception {
    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(dir);

    directory.reserveRoom((3L << 20) + 5, SourceFileKey.of(dir));

    assertThat(dir.resolve(EvidenceDirectory.RESERVE)).hasSize((3L << 20) + 5);
    directory.releaseRoom();
    assertThat(dir).isEmptyDirectory();
    directory.releaseRoom();
  }

  @Test
  void reserveRoom_tooLittleSpace_refusedNamingTheBytesAndNothingLeftBehind(@TempDir Path dir) throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("small"), 1L << 20)) {
      EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(disk.path());

      assertThatExceptionOfType(EvidenceWriteException.class)
          .isThrownBy(() -> directory.reserveRoom(2L << 20, SourceFileKey.of(dir)))
          .withMessage("cannot keep 2097152 bytes for the manifest and custody log in " + disk.path() + ": No space left on device");
      assertThat(disk.path()).isEmptyDirectory();
    }
  }

  @Test
  void reserveRoom_reserveIsTheSource_refusedNamingBoth_neitherWrittenNorRemoved(@TempDir Path dir) throws Exception {
    Path source = Files.write(dir.resolve("source.bin"), new byte[] {1, 2, 3});
    SourceFileKey notSource = SourceFileKey.of(source);
    Path out = Files.createDirectory(dir.resolve("evidence"));
    Path reserve = Files.move(source, out.resolve(EvidenceDirectory.RESERVE));
    EvidenceDirectory directory = EvidenceDirectory.toResume(out);

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> directory.reserveRoom(1L << 20, notSource))
        .withMessageStartingWith("refusing to write to " + reserve + ": it is the source " + source + " itself");
    directory.releaseRoom();

    assertThat(reserve).hasBinaryContent(new byte[] {1, 2, 3});
  }

  @Test
  void requireSourceNotInside_sourceHardLinkedAsTheProgressRecord_refusedNamingBoth(@TempDir Path dir) throws Exception {
    Path source = Files.write(dir.resolve("source.bin"), new byte[] {1});
    Path out = Files.createDirectory(dir.resolve("evidence"));
    Path inside = Files.createLink(out.resolve("acquisition-progress.jsonl"), source);

    assertThatExceptionOfType(UsageException.class)
        .isThrownBy(() -> DirectoryChecks.refuseTheSource(out, SourceFileKey.of(source)))
        .withMessageStartingWith("refusing to write to " + inside + ": it is the source " + source + " itself");
  }

  @Test
  void requireSourceNotInside_directoryNotCreatedYet_passes(@TempDir Path dir) throws Exception {
    SourceFileKey notSource = SourceFileKey.of(Files.write(dir.resolve("source.bin"), new byte[] {1}));

    EvidenceDirectory.forNewAcquisition(dir.resolve("new")).requireSourceNotInside(notSource);
  }
}
