package dev.custos.acquire;

import dev.custos.error.UsageException;
import dev.custos.io.EvidenceFile;
import dev.custos.io.SourceFileKey;
import dev.custos.io.SourceWriteRefusedException;
import dev.custos.source.SourceIdentity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The locks one acquisition (or resumption) holds from before its first write to its end, so that
 * a second Custos process is refused at once instead of interleaving with it:
 *
 * <ul>
 *   <li>{@code DIR/.acquisition.lock}: one acquisition into a directory at a time;
 *   <li>a lock file per source, under {@code /run/lock/custos} (or the temporary directory where
 *       that is not writable), named for the device number of a block device or the device and
 *       inode of a file: one acquisition of a drive at a time, whatever path names it. Two reads of
 *       one drive at once halve both and prove nothing more.
 * </ul>
 *
 * <p>The locks are advisory {@code fcntl} locks: the kernel drops them when the process ends,
 * {@code kill -9} and power loss included, so a stale lock never blocks a resumption. The files
 * hold the holder's process id and directory, for the refusal message; they are never deleted
 * (deleting a lock file races with the next process that opens it).
 *
 * <p>Nothing is written into a lock file before it is proven not to be the source ({@link
 * SourceFileKey}): {@code acquire resume} takes the directory's lock before it knows the source,
 * so the directory's lock file gets its holder only with {@link #alsoSource}. Until then, another
 * process refused names the holder before (or none).
 */
final class AcquisitionLocks implements AutoCloseable {
  /** The directory's lock file. */
  static final String DIRECTORY_LOCK = ".acquisition.lock";

  private final List<FileChannel> held;
  private final Path directory;

  private AcquisitionLocks(List<FileChannel> held, Path directory) {
    this.held = held;
    this.directory = directory;
  }

  /**
   * Takes the directory's lock; its holder is written with {@link #alsoSource}.
   *
   * @param directory the evidence directory, existing
   * @throws UsageException naming the other process, if it is held
   */
  static AcquisitionLocks ofDirectory(Path directory) throws UsageException {
    List<FileChannel> held = new ArrayList<>();
    held.add(lock(directory.resolve(DIRECTORY_LOCK), null, "another Custos process is acquiring into " + directory));
    return new AcquisitionLocks(held, directory);
  }

  /**
   * Takes the source's lock as well, and writes this process into both lock files, each proven
   * first not to be the source.
   *
   * @param notSource the source's file key
   * @throws UsageException naming the other process, if it is held; or if a lock file is the source
   */
  void alsoSource(SourceIdentity source, SourceFileKey notSource) throws UsageException {
    Path directoryLock = directory.resolve(DIRECTORY_LOCK);
    try {
      notSource.requireNot(directoryLock);
      writeHolder(held.get(0), holder(directory));
    } catch (SourceWriteRefusedException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UsageException("cannot lock " + directoryLock + ": " + e.getMessage(), e);
    }
    Path sourceLock = sourceLockFile(source);
    FileChannel channel = lock(sourceLock, notSource, "another Custos process is reading the source " + source.path());
    held.add(channel);
    try {
      writeHolder(channel, holder(directory));
    } catch (IOException e) {
      throw new UsageException("cannot lock " + sourceLock + ": " + e.getMessage(), e);
    }
  }

  private static String holder(Path directory) {
    return ProcessHandle.current().pid() + " into " + directory;
  }

  /** Opens and locks {@code file}, checked not to be the source when {@code notSource} is given; writes nothing. */
  private static FileChannel lock(Path file, SourceFileKey notSource, String refusal) throws UsageException {
    FileChannel channel = null;
    try {
      requireLockFileIfPresent(file);
      channel = EvidenceFile.openToWrite(file, notSource, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process
      }
      if (lock == null) {
        String other = readHolder(channel);
        channel.close();
        throw new UsageException(refusal + (other.isEmpty() ? "" : " (process " + other + ")")
            + "; wait for it to end, or stop it first");
      }
      // Only a lock file's own content is ever replaced: a file of that name holding anything else
      // (a source, someone's data) is left as it is.
      if (channel.size() > MAX_HOLDER_BYTES || !HOLDER.matcher(readHolder(channel)).matches()) {
        channel.close();
        throw new UsageException(file + " exists and is not a Custos lock file (it holds other data); refusing to write to it");
      }
      return channel;
    } catch (SourceWriteRefusedException e) {
      closeQuietly(channel);
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UsageException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces what a lock file {@link #lock} took holds (its own content only) with {@code holder}. */
  private static void writeHolder(FileChannel channel, String holder) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
  }

  /** What a lock file holds: nothing, or its last holder's process id and directory. */
  private static final Pattern HOLDER = Pattern.compile("|[0-9]+ into /.*");
  private static final int MAX_HOLDER_BYTES = 4096;

  /**
   * Before a file of that name is opened writable at all: it must be a Custos lock file (one name,
   * regular, empty or a holder line). The directory lock is taken before the source is known, so
   * the source's (device, inode) cannot be compared yet; a source moved into DIR under the lock's
   * name holds data, and is refused here, read-only, without ever being opened for writing.
   */
  private static void requireLockFileIfPresent(Path file) throws IOException, UsageException {
    EvidenceFile.requireSingleName(file);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      if (channel.size() > MAX_HOLDER_BYTES || !HOLDER.matcher(readHolder(channel)).matches()) {
        throw new UsageException(file + " exists and is not a Custos lock file (it holds other data); refusing to write to it");
      }
    }
  }

  private static String readHolder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip().replaceAll("\\p{Cntrl}", "?");
  }

  /** The lock file of a source: the same for every path that names the same drive or file. */
  static Path sourceLockFile(SourceIdentity source) throws UsageException {
    String key;
    try {
      Path real = source.path().toRealPath();
      key = source.kind().isDevice()
          ? "device-" + Files.getAttribute(real, "unix:rdev")
          : "file-" + Files.getAttribute(real, "unix:dev") + "-" + Files.getAttribute(real, "unix:ino");
    } catch (IOException | UnsupportedOperationException e) {
      throw new UsageException("cannot identify " + source.path() + " for its lock: " + e.getMessage(), e);
    }
    return lockDirectory().resolve("source-" + key + ".lock");
  }

  private static Path lockDirectory() throws UsageException {
    for (Path candidate : List.of(Path.of("/run/lock/custos"), Path.of(System.getProperty("java.io.tmpdir"), "custos-locks"))) {
      try {
        Files.createDirectories(candidate);
        if (Files.isWritable(candidate)) {
          return candidate;
        }
      } catch (IOException e) {
        // Try the next place.
      }
    }
    throw new UsageException("no writable place for the source lock (/run/lock/custos or the temporary directory)");
  }

  /** Releases every lock; idempotent. */
  @Override
  public void close() {
    for (FileChannel channel : held) {
      closeQuietly(channel);
    }
    held.clear();
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // The lock goes with the channel either way.
      }
    }
  }
}
