package dev.custos.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for the files Custos reads from, and appends to, an evidence directory: a regular
 * file, never through a symbolic link, within its {@link ReadLimit}; and, before an append, a file
 * with one name only. Stateless; thread-safe.
 *
 * <p>A FIFO opened for reading (or writing) blocks in {@code open(2)} until the other end opens,
 * and a character device such as {@code /dev/zero} never ends; the JDK cannot open with {@code
 * O_NONBLOCK} nor {@code fstat} an open channel. So the type is checked before the open, by {@code
 * lstat} (no link followed), the file is opened with {@code O_NOFOLLOW}, and after the open its
 * device and inode are checked again to be the ones checked: a file replaced by another regular
 * file or a link in between is refused. What remains is a FIFO put in place during the few
 * microseconds between the {@code lstat} and the {@code open}: only someone writing into the
 * directory while Custos runs can do that, and they could change the evidence itself as well; the
 * open then waits for a writer. A read stops one byte past the limit, whatever the file's size
 * says, so a file that grows while it is read is refused too.
 */
public final class EvidenceFile {
  private static final int TYPE_MASK = 0170000;
  private static final int REGULAR = 0100000;
  private static final String IDENTITY = "unix:mode,dev,ino,nlink,size";

  private EvidenceFile() {}

  /**
   * The whole of {@code file}, a regular file of at most {@code limit} bytes.
   *
   * @throws NoSuchFileException if it does not exist
   * @throws NotEvidenceFileException if it is not a regular file (a link included), is larger than
   *     the limit, or was replaced while it was opened
   * @throws IOException if it cannot be read
   */
  public static byte[] read(Path file, ReadLimit limit) throws IOException {
    Map<String, Object> before = identity(file);
    requireRegular(file, before);
    long size = ((Number) before.get("size")).longValue();
    if (size > limit.bytes()) {
      throw tooLarge(file, size, limit);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      requireSame(file, before, identity(file));
      InputStream in = Channels.newInputStream(channel);
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
      if (bytes.length > limit.bytes()) {
        throw tooLarge(file, bytes.length, limit);
      }
      return bytes;
    }
  }

  /**
   * The whole of {@code file} of an evidence directory, as {@link #read}, or empty when it does not
   * exist; a symbolic link in its place is refused with a message saying that Custos {@code does}
   * (reports on, verifies) the evidence in the directory and follows no link out of it.
   *
   * @param does what the caller does with the evidence, a verb phrase: {@code "verifies"}
   * @throws NotEvidenceFileException if it is a link, or {@link #read} refuses it
   * @throws IOException if it cannot be read
   */
  public static Optional<byte[]> readFromDirectory(Path file, ReadLimit limit, String does) throws IOException {
    if (Files.isSymbolicLink(file)) {
      throw new NotEvidenceFileException(file, file + " is a symbolic link; Custos " + does + " the evidence in the directory"
          + " and follows no link out of it");
    }
    // Read by the evidence-file rule: no link followed should one replace the file after the check
    // above, no FIFO or device opened, nothing beyond the limit read.
    try {
      return Optional.of(read(file, limit));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /**
   * Refuses {@code file} unless it is absent or a regular file (not a link) with one name, and opens
   * it with {@code options} (a link is never followed): the rule before Custos appends to a file or
   * writes its lock. A file with a second name (a hard link) may lie outside the evidence directory;
   * an append, or a change of mode, would change it there too.
   *
   * @throws NotEvidenceFileException if it is not a regular file, has another name, or was replaced
   *     while it was opened
   * @throws IOException if it cannot be opened
   */
  public static FileChannel openToWrite(Path file, OpenOption... options) throws IOException {
    requireSingleName(file);
    Set<OpenOption> all = new HashSet<>(Set.of(options));
    all.add(LinkOption.NOFOLLOW_LINKS);
    FileChannel channel = FileChannel.open(file, all);
    try {
      requireSingleName(file);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * As {@link #openToWrite(Path, OpenOption...)}, and refuses {@code file} if it is the source
   * ({@link SourceFileKey#requireNot}), both before the open (one that creates or truncates would
   * change it at once) and after: the rule for every file Custos opens for writing in an evidence
   * directory while it acquires.
   *
   * @param notSource the source being acquired; {@code null} when none is (a report, a transfer)
   * @throws SourceWriteRefusedException if {@code file} is the source; nothing was written
   * @throws NotEvidenceFileException as {@link #openToWrite(Path, OpenOption...)}
   * @throws IOException if it cannot be opened
   */
  public static FileChannel openToWrite(Path file, SourceFileKey notSource, OpenOption... options) throws IOException {
    if (notSource == null) {
      return openToWrite(file, options);
    }
    notSource.requireNot(file);
    FileChannel channel = openToWrite(file, options);
    try {
      notSource.requireNot(file);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Refuses {@code file} unless it is absent or a regular file (not a link) with one name: checked
   * before Custos changes its mode or appends to it.
   *
   * @throws NotEvidenceFileException if it is not, naming what it is
   * @throws IOException if it cannot be examined
   */
  public static void requireSingleName(Path file) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = identity(file);
    } catch (NoSuchFileException e) {
      return;
    }
    requireRegular(file, attributes);
    int names = ((Number) attributes.get("nlink")).intValue();
    if (names != 1) {
      throw new NotEvidenceFileException(file, file + " has " + names + " names (hard links): writing to it would change the"
          + " file under its other names too, which may lie outside the evidence directory; Custos writes only to a file"
          + " with one name: nothing was written");
    }
  }

  /**
   * What {@code path} is when it is not a regular file: {@code a FIFO (named pipe)}, {@code a
   * character device}, {@code a directory}, …; empty for a regular file or when absent. No link is
   * followed.
   *
   * @throws IOException if it cannot be examined
   */
  public static Optional<String> oddity(Path path) throws IOException {
    Map<String, Object> attributes;
    try {
      attributes = identity(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    int mode = ((Number) attributes.get("mode")).intValue();
    return (mode & TYPE_MASK) == REGULAR ? Optional.empty() : Optional.of(kind(mode));
  }

  /** The file-type bits of {@code mode} in words, as {@code ls -l} and {@code stat} name them. */
  static String kind(int mode) {
    return switch (mode & TYPE_MASK) {
      case REGULAR -> "a regular file";
      case 0010000 -> "a FIFO (named pipe)";
      case 0020000 -> "a character device";
      case 0040000 -> "a directory";
      case 0060000 -> "a block device";
      case 0120000 -> "a symbolic link";
      case 0140000 -> "a socket";
      default -> "of unknown file type " + Integer.toOctalString(mode & TYPE_MASK);
    };
  }

  private static Map<String, Object> identity(Path file) throws IOException {
    try {
      return Files.readAttributes(file, IDENTITY, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      throw new IOException("the file system of " + file + " does not tell a file's type and identity (unix attributes)", e);
    }
  }

  private static void requireRegular(Path file, Map<String, Object> attributes) throws NotEvidenceFileException {
    int mode = ((Number) attributes.get("mode")).intValue();
    if ((mode & TYPE_MASK) != REGULAR) {
      throw new NotEvidenceFileException(file, file + " is " + kind(mode) + ", not a regular file: Custos reads and writes"
          + " evidence only as regular files");
    }
  }

  private static void requireSame(Path file, Map<String, Object> before, Map<String, Object> after)
      throws NotEvidenceFileException {
    if (!Objects.equals(before.get("dev"), after.get("dev")) || !Objects.equals(before.get("ino"), after.get("ino"))
        || !Objects.equals(before.get("mode"), after.get("mode"))) {
      throw new NotEvidenceFileException(file, file + " was replaced while Custos opened it: not read");
    }
  }

  private static NotEvidenceFileException tooLarge(Path file, long size, ReadLimit limit) {
    String holds = size == limit.bytes() + 1 ? "more than " + limit.bytes() : Long.toString(size);
    return new NotEvidenceFileException(file, file + " holds " + holds + " bytes, but " + limit.rule()
        + ": not read (not a file Custos wrote)");
  }
}
