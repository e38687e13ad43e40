package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.custos.error.UsageException;
import dev.custos.io.SourceFileKey;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.ScriptedBlockSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * A source holding data, moved into the directory under the lock's name, is refused before it is
   * ever opened for writing. The file is made immutable ({@code chattr +i}): a writable open, even
   * one that writes nothing, then fails with "Operation not permitted" instead of the refusal.
   */
  @Test
  void ofDirectory_sourceWithDataAsTheLock_refusedWithoutAWritableOpen() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("evidence"));
    Path lock = Files.write(directory.resolve(AcquisitionLocks.DIRECTORY_LOCK), new byte[] {'M', 'Z', 0, 1, 2});
    ExternalTool.Result immutable = ExternalTool.run(List.of("chattr", "+i", lock.toString()));
    assumeTrue(immutable.exitCode() == 0, "no immutable files here (chattr +i): " + immutable.output().strip());
    try {
      assertThatThrownBy(() -> AcquisitionLocks.ofDirectory(directory).close()).isInstanceOf(UsageException.class)
          .hasMessage(lock + " exists and is not a Custos lock file (it holds other data); refusing to write to it");
    } finally {
      ExternalTool.run(List.of("chattr", "-i", lock.toString()));
    }
    assertThat(Files.readAllBytes(lock)).containsExactly('M', 'Z', 0, 1, 2);
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
