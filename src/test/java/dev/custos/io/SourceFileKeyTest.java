package dev.custos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.testing.ExternalTool;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No file Custos opens for writing is the source, whatever its name: real hard links and renames,
 * and the source's SHA-256 before and after.
 */
class SourceFileKeyTest {
  @TempDir Path temp;

  @Test
  void openToWrite_hardLinkOfTheSourceTruncating_refusedNamingBoth_sourceUnchanged() throws Exception {
    Path source = Files.write(temp.resolve("source.bin"), new byte[] {1, 2, 3, 4});
    SourceFileKey notSource = SourceFileKey.of(source);
    Path inside = Files.createLink(Files.createDirectory(temp.resolve("evidence")).resolve(".custos-reserve"), source);
    String before = ExternalTool.digestOf("sha256sum", source);

    assertThatThrownBy(() -> EvidenceFile.openToWrite(inside, notSource, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING))
        .isInstanceOf(SourceWriteRefusedException.class)
        .hasMessageContaining(inside.toString()).hasMessageContaining("the source " + source);
    assertThat(ExternalTool.digestOf("sha256sum", source)).isEqualTo(before);
  }

  @Test
  void openToWrite_sourceRenamedIntoTheDirectory_oneName_refusedBeforeTheOpenCutsIt() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("evidence"));
    Path source = Files.write(temp.resolve("source.bin"), new byte[] {5, 6, 7});
    SourceFileKey notSource = SourceFileKey.of(source);
    Path inside = Files.move(source, directory.resolve("acquisition-progress.jsonl"));

    assertThatThrownBy(() -> EvidenceFile.openToWrite(inside, notSource, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING))
        .isInstanceOf(SourceWriteRefusedException.class)
        .hasMessage("refusing to write to " + inside + ": it is the source " + source + " itself (the same file "
            + notSource.key() + ") under another name; Custos never writes to the source: nothing was written");
    assertThat(Files.readAllBytes(inside)).containsExactly(5, 6, 7);
  }

  @Test
  void openToWrite_anotherFile_opensAndWrites() throws Exception {
    SourceFileKey notSource = SourceFileKey.of(Files.write(temp.resolve("source.bin"), new byte[] {1}));
    Path other = temp.resolve(".acquisition.lock");

    try (FileChannel channel = EvidenceFile.openToWrite(other, notSource, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {9}));
    }

    assertThat(Files.readAllBytes(other)).containsExactly(9);
  }

  @Test
  void requireNot_absentFile_passes() throws Exception {
    SourceFileKey notSource = SourceFileKey.of(Files.write(temp.resolve("source.bin"), new byte[] {1}));

    notSource.requireNot(temp.resolve("image.ima"));
  }

  @Test
  void requireNot_symbolicLinkToTheSource_isNotTheSource_theLinkItselfIsRefusedElsewhere() throws Exception {
    Path source = Files.write(temp.resolve("source.bin"), new byte[] {1});
    SourceFileKey notSource = SourceFileKey.of(source);

    notSource.requireNot(Files.createSymbolicLink(temp.resolve("image.ima"), source));
  }

  @Test
  void of_symbolicLinkToTheSource_isTheSourcesKey() throws Exception {
    Path source = Files.write(temp.resolve("source.bin"), new byte[] {1});
    Path link = Files.createSymbolicLink(temp.resolve("by-id"), source);

    assertThat(SourceFileKey.of(link).key()).isEqualTo(SourceFileKey.of(source).key());
  }
}
