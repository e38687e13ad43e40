package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's state before and after: every change that can be seen is named, and none is invented. */
class SourceStateTest {
  @TempDir Path temp;

  @Test
  void fileUntouched_noChanges() throws Exception {
    Path file = write("same", "abcd");
    SourceState.FileStat before = SourceState.FileStat.of(file);
    Files.readAllBytes(file);

    assertThat(state(before).differences(state(SourceState.FileStat.of(file)))).isEmpty();
  }

  @Test
  void fileWrittenInPlace_sameSize_timesNamed() throws Exception {
    Path file = write("rewritten", "abcd");
    SourceState before = state(SourceState.FileStat.of(file));
    Thread.sleep(5);
    Files.writeString(file, "abce", StandardCharsets.UTF_8, StandardOpenOption.WRITE);

    assertThat(before.differences(state(SourceState.FileStat.of(file))))
        .anyMatch(change -> change.startsWith("modification time "))
        .anyMatch(change -> change.startsWith("status-change time "))
        .noneMatch(change -> change.startsWith("size"));
  }

  @Test
  void fileWrittenWithItsModificationTimePutBack_statusChangeTimeStillNamed() throws Exception {
    Path file = write("backdated", "abcd");
    SourceState.FileStat stat = SourceState.FileStat.of(file);
    Thread.sleep(5);
    Files.writeString(file, "abce", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    Files.setLastModifiedTime(file, FileTime.from(stat.modified()));

    assertThat(state(stat).differences(state(SourceState.FileStat.of(file))))
        .noneMatch(change -> change.startsWith("modification time"))
        .anyMatch(change -> change.startsWith("status-change time "));
  }

  @Test
  void fileReplacedUnderTheSameName_inodeNamed() throws Exception {
    Path file = write("replaced", "abcd");
    SourceState before = state(SourceState.FileStat.of(file));
    Path other = write("other", "abcd");
    Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(before.differences(state(SourceState.FileStat.of(file))))
        .anyMatch(change -> change.startsWith("inode ") && change.endsWith("(another file under the same name)"));
  }

  @Test
  void fileGrown_sizeNamed() throws Exception {
    Path file = write("grown", "abcd");
    SourceState before = state(SourceState.FileStat.of(file));
    Files.writeString(file, "ef", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThat(before.differences(state(SourceState.FileStat.of(file)))).contains("size 6 bytes, was 4");
  }

  @Test
  void device_sizeModelSerialNamed() {
    SourceState before = new SourceState(1024, null, null, "Model A", "S1");
    SourceState after = new SourceState(512, null, null, "Model B", "S2");

    assertThat(before.differences(after)).containsExactly("size 512 bytes, was 1024", "model 'Model B', was 'Model A'",
        "serial 'S2', was 'S1'");
  }

  @Test
  void loopDevice_backingFileWritten_named() {
    SourceState.FileStat stat = new SourceState.FileStat("/b.img", 1024, Instant.EPOCH, Instant.EPOCH, 7, 1);
    SourceState.FileStat written = new SourceState.FileStat("/b.img", 1024, Instant.EPOCH.plusNanos(1), Instant.EPOCH.plusNanos(1), 7, 1);

    assertThat(new SourceState(1024, null, stat, null, null).differences(new SourceState(1024, null, written, null, null)))
        .containsExactly("backing file /b.img modification time 1970-01-01T00:00:00.000000001Z, was 1970-01-01T00:00:00.000000000Z",
            "backing file /b.img status-change time 1970-01-01T00:00:00.000000001Z, was 1970-01-01T00:00:00.000000000Z");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static SourceState state(SourceState.FileStat stat) {
    return new SourceState(stat.sizeBytes(), stat, null, null, null);
  }
}
