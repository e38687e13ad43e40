package dev.custos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The one rule for reading and appending to evidence files, on real FIFOs, links and hard links. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EvidenceFileTest {
  private static final int LIMIT = (int) ReadLimit.CERTIFICATE.bytes();

  @TempDir Path temp;
  private Path fifo;

  @AfterEach
  void releaseFifo() {
    if (fifo != null) {
      Thread writer = new Thread(() -> {
        try {
          FileChannel.open(fifo, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
          // Gone with the directory.
        }
      });
      writer.setDaemon(true);
      writer.start();
    }
  }

  @Test
  void read_regularFileAtItsLimit_wholeBytes() throws IOException {
    byte[] bytes = new byte[LIMIT];
    bytes[LIMIT - 1] = 7;
    Path file = Files.write(temp.resolve("examiner.pem"), bytes);

    assertThat(EvidenceFile.read(file, ReadLimit.CERTIFICATE)).isEqualTo(bytes);
  }

  @Test
  void read_oneByteBeyondItsLimit_refusedNamingTheLimit() throws IOException {
    Path file = Files.write(temp.resolve("examiner.pem"), new byte[LIMIT + 1]);

    assertThatThrownBy(() -> EvidenceFile.read(file, ReadLimit.CERTIFICATE))
        .isInstanceOf(NotEvidenceFileException.class)
        .hasMessage(file + " holds more than 65536 bytes, but a certificate file may hold at most 64 KiB (65536 bytes): not read"
            + " (not a file Custos wrote)");
  }

  @Test
  void read_aFifo_refusedWithoutBlocking() {
    fifo = temp.resolve("custody.jsonl");
    ExternalTool.ok("mkfifo", fifo.toString());

    assertThatThrownBy(() -> EvidenceFile.read(fifo, ReadLimit.CUSTODY_LOG))
        .isInstanceOf(NotEvidenceFileException.class)
        .hasMessage(fifo + " is a FIFO (named pipe), not a regular file: Custos reads and writes evidence only as regular files");
  }

  @Test
  void read_aSymbolicLinkToARegularFile_refused() throws IOException {
    Path target = Files.writeString(temp.resolve("elsewhere"), "x");
    Path link = Files.createSymbolicLink(temp.resolve("acquisition.json"), target);

    assertThatThrownBy(() -> EvidenceFile.read(link, ReadLimit.MANIFEST))
        .hasMessage(link + " is a symbolic link, not a regular file: Custos reads and writes evidence only as regular files");
  }

  @Test
  void read_missing_noSuchFile() {
    assertThatThrownBy(() -> EvidenceFile.read(temp.resolve("absent"), ReadLimit.MANIFEST)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void openToWrite_aFileWithASecondName_refusedAndUntouched() throws IOException {
    Path log = Files.writeString(temp.resolve("custody.jsonl"), "line\n");
    Path outside = Files.createLink(temp.resolve("outside"), log);

    assertThatThrownBy(() -> EvidenceFile.openToWrite(log, StandardOpenOption.WRITE, StandardOpenOption.APPEND))
        .isInstanceOf(NotEvidenceFileException.class)
        .hasMessageStartingWith(log + " has 2 names (hard links)");
    assertThat(Files.readString(outside)).isEqualTo("line\n");
  }

  @Test
  void openToWrite_aFifo_refusedWithoutBlocking() {
    fifo = temp.resolve(".custody.lock");
    ExternalTool.ok("mkfifo", fifo.toString());

    assertThatThrownBy(() -> EvidenceFile.openToWrite(fifo, StandardOpenOption.CREATE, StandardOpenOption.WRITE))
        .hasMessageStartingWith(fifo + " is a FIFO (named pipe), not a regular file");
  }

  @Test
  void openToWrite_absent_createsIt() throws IOException {
    Path lock = temp.resolve(".custody.lock");

    EvidenceFile.openToWrite(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();

    assertThat(lock).isRegularFile().isEmptyFile();
  }

  @Test
  void oddity_namesWhatAFileIs() throws IOException {
    fifo = temp.resolve("pipe");
    ExternalTool.ok("mkfifo", fifo.toString());

    assertThat(EvidenceFile.oddity(fifo)).contains("a FIFO (named pipe)");
    assertThat(EvidenceFile.oddity(temp)).contains("a directory");
    assertThat(EvidenceFile.oddity(Files.writeString(temp.resolve("plain"), ""))).isEmpty();
    assertThat(EvidenceFile.oddity(temp.resolve("absent"))).isEmpty();
  }
}
