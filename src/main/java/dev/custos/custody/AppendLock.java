package dev.custos.custody;

import dev.custos.error.EvidenceWriteException;
import dev.custos.io.EvidenceFile;
import dev.custos.io.SourceFileKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive right to append to one evidence directory's custody log: an advisory lock ({@code
 * fcntl}) on the hidden file {@code .custody.lock} beside the log, so that two processes never
 * interleave, and a lock within this JVM, since the kernel's lock belongs to the process. The
 * kernel drops the file lock when the process dies, {@code kill -9} included.
 */
final class AppendLock implements AutoCloseable {
  static final String FILE = dev.custos.evidence.EvidenceDirectory.LOCK;

  /** One lock per directory within this JVM: file locks do not exclude threads of one process. */
  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock inProcess;
  private final FileChannel channel;
  private final FileLock fileLock;

  private AppendLock(ReentrantLock inProcess, FileChannel channel, FileLock fileLock) {
    this.inProcess = inProcess;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /**
   * Waits until this process holds the directory's append lock.
   *
   * @throws EvidenceWriteException if the lock file cannot be created or locked
   */
  static AppendLock acquire(Path directory) throws EvidenceWriteException {
    return acquire(directory, null);
  }

  /**
   * As {@link #acquire(Path)}, the lock file proven not to be {@code notSource} ({@code null}: no
   * acquisition under way).
   *
   * @throws EvidenceWriteException if the lock file cannot be created or locked, or is the source
   */
  static AppendLock acquire(Path directory, SourceFileKey notSource) throws EvidenceWriteException {
    Path absolute = directory.toAbsolutePath().normalize();
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(absolute, key -> new ReentrantLock());
    inProcess.lock();
    FileChannel channel = null;
    try {
      // Never through a link: a planted .custody.lock -> elsewhere would create or open a file outside.
      // Nor to a FIFO (an open for writing would wait for a reader) or a file with another name.
      channel = EvidenceFile.openToWrite(absolute.resolve(FILE), notSource, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new AppendLock(inProcess, channel, channel.lock());
    } catch (IOException e) {
      closeQuietly(channel);
      inProcess.unlock();
      throw new EvidenceWriteException("cannot lock the custody log of " + absolute + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      fileLock.release();
    } catch (IOException e) {
      // Closing the channel below releases it too.
    } finally {
      closeQuietly(channel);
      inProcess.unlock();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing to keep: the lock goes with the channel.
      }
    }
  }
}
