package dev.custos.evidence;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.io.EvidenceFile;
import dev.custos.io.SourceFileKey;
import dev.custos.io.SourceWriteRefusedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * The room an evidence directory keeps free for its records while the image is written: {@link
 * EvidenceDirectory#RESERVE}, incompressible bytes, not evidence. When another writer fills the disk
 * while the image is being written, the image write fails, and the manifest (whose staging first
 * releases the room) and the custody events after it still find space: a full disk costs the rest
 * of the image, never the record of what was acquired.
 *
 * <p>The reserve is written, truncated and removed only when it is not the source ({@link
 * SourceFileKey}): a source renamed into the directory as the reserve would otherwise be
 * overwritten, then deleted. Thread-safe.
 */
final class RecordsReserve {
  private final Path root;
  private final Path file;
  /** The source of the acquisition that keeps the room, once {@link #keep} was called. */
  private volatile SourceFileKey notSource;

  RecordsReserve(Path root) {
    this.root = root;
    this.file = root.resolve(EvidenceDirectory.RESERVE);
  }

  /** As {@link EvidenceDirectory#requireNoReserve}. */
  void requireAbsent() throws UsageException {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException("output directory " + root + " holds a file named " + EvidenceDirectory.RESERVE
          + ", which Custos would replace and delete: choose a new directory");
    }
  }

  /** As {@link EvidenceDirectory#reserveRoom}. */
  void keep(long bytes, SourceFileKey notSource) throws EvidenceWriteException, UsageException {
    this.notSource = notSource;
    byte[] chunk = new byte[1 << 20];
    new Random(bytes).nextBytes(chunk); // not zeros: a compressing file system would keep no room
    try (FileChannel channel = open(notSource)) {
      for (long written = 0; written < bytes; ) {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, bytes - written));
        while (buffer.hasRemaining()) {
          written += channel.write(buffer);
        }
      }
      channel.force(true);
    } catch (SourceWriteRefusedException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      release();
      throw new EvidenceWriteException("cannot keep " + bytes + " bytes for the manifest and custody log in " + root + ": "
          + e.getMessage(), e);
    }
  }

  /** The reserve, created anew, or an earlier run's (one name, a regular file) cut to nothing: never a hard link. */
  private FileChannel open(SourceFileKey notSource) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      return EvidenceFile.openToWrite(file, notSource, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
  }

  /** As {@link EvidenceDirectory#releaseRoom}. */
  void release() {
    try {
      SourceFileKey source = notSource;
      if (source != null) {
        source.requireNot(file);
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left behind, it costs space, not evidence; the next write will say if space is short. (And
      // a reserve that is the source is never removed: it may be the source's only name.)
    }
  }
}
