package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.error.UsageException;
import dev.custos.io.SourceFileKey;
import dev.custos.testing.ScriptedBlockSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code acquire resume} takes the directory's lock before it knows the source: nothing is written
 * into the lock file until it is proven not to be the source. An empty source (a lock file's
 * content as far as the lock can tell) renamed into the directory as its lock keeps its bytes.
 */
class AcquisitionLocksSourceTest {
  @TempDir Path temp;

  @Test
  void alsoSource_directoryLockIsTheSource_refusedNamingBoth_nothingWritten() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("evidence"));
    Path source = Files.createFile(temp.resolve("source.bin"));
    SourceFileKey notSource = SourceFileKey.of(source);
    Path lock = Files.move(source, directory.resolve(AcquisitionLocks.DIRECTORY_LOCK));

    try (AcquisitionLocks locks = AcquisitionLocks.ofDirectory(directory)) {
      assertThat(lock).as("taken, not written").isEmptyFile();
      assertThatThrownBy(() -> locks.alsoSource(ScriptedBlockSource.fileIdentity(lock, 0), notSource))
          .isInstanceOf(UsageException.class)
          .hasMessageStartingWith("refusing to write to " + lock + ": it is the source " + source + " itself");
    }
    assertThat(lock).isEmptyFile();
  }

  @Test
  void alsoSource_anotherSource_writesThisProcessIntoTheDirectoryLock() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("evidence"));
    Path source = Files.write(temp.resolve("source.bin"), new byte[512]);

    try (AcquisitionLocks locks = AcquisitionLocks.ofDirectory(directory)) {
      locks.alsoSource(ScriptedBlockSource.fileIdentity(source, 512), SourceFileKey.of(source));

      assertThat(directory.resolve(AcquisitionLocks.DIRECTORY_LOCK))
          .hasContent(ProcessHandle.current().pid() + " into " + directory);
    }
    assertThat(source).hasBinaryContent(new byte[512]);
  }
}
