package dev.custos.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The rules for finished evidence files: on stable storage (fsync of the file and of its
 * directory) and read-only (0444), so neither a crash nor a slip of the hand changes them.
 */
public final class WriteOnce {
  private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");

  private WriteOnce() {}

  /**
   * Makes a finished file read-only (0444) and flushes it, and its directory entry, to disk.
   *
   * @throws IOException if the file cannot be flushed or its mode changed
   * @throws dev.custos.io.NotEvidenceFileException if it is not a regular file with one name: a
   *     hard link's other name, perhaps outside the evidence directory, would be made read-only too
   */
  public static void seal(Path file) throws IOException {
    EvidenceFile.requireSingleName(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      channel.force(true);
    }
    Files.setPosixFilePermissions(file, READ_ONLY);
    syncDirectory(file.toAbsolutePath().getParent());
  }

  /**
   * Writes {@code content} to a new file that must not exist yet, flushes and seals it. The bytes
   * go to a hidden temporary file first ({@link #stage}) and are linked into place, so {@code target} appears
   * complete or not at all, and an existing file of that name is never replaced.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
   * @throws IOException if writing fails; {@code target} does not exist then
   */
  public static void writeNew(Path target, byte[] content) throws IOException {
    Path temporary = stage(target, content);
    try {
      // A hard link fails if the target exists: the no-clobber rename POSIX rename(2) lacks.
      Files.createLink(target, temporary);
    } finally {
      Files.deleteIfExists(temporary);
    }
    syncDirectory(temporary.getParent());
  }

  /** The hidden name {@link #writeNew} and {@link #stage} write {@code target}'s bytes under before it is linked into place. */
  public static Path temporaryOf(Path target) {
    return target.toAbsolutePath().getParent().resolve("." + target.getFileName() + ".partial");
  }

  /**
   * The first half of {@link #writeNew}, for a caller that records a file between writing and
   * placing it: writes {@code content} to {@code target}'s {@linkplain #temporaryOf temporary name}
   * (a leftover of that name is replaced), flushes it, makes it read-only and flushes the directory,
   * so that the bytes and the name survive a crash. The caller links it into place ({@link
   * Files#createLink}, which never replaces a file) or removes it.
   *
   * @return the temporary file
   * @throws IOException if writing fails; the temporary file is removed then
   */
  public static Path stage(Path target, byte[] content) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = temporaryOf(target);
    Files.deleteIfExists(temporary);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
      Files.setPosixFilePermissions(temporary, READ_ONLY);
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    syncDirectory(directory);
    return temporary;
  }

  /**
   * Writes {@code content}, as {@link #writeNew}, to the first of {@code candidate.apply(1)}, {@code
   * candidate.apply(2)}, … that does not exist yet: a later report or set-aside file never replaces
   * an earlier one, even when two processes race for the same name.
   *
   * @return the file written
   * @throws IOException if writing fails
   */
  public static Path writeFirstFree(java.util.function.IntFunction<Path> candidate, byte[] content) throws IOException {
    for (int n = 1; ; n++) {
      Path target = candidate.apply(n);
      if (Files.exists(target)) {
        continue;
      }
      try {
        writeNew(target, content);
        return target;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // Taken meanwhile: the next number.
      }
    }
  }

  /**
   * Flushes a directory's entries (new, renamed files) to disk.
   *
   * @throws IOException if the directory cannot be opened or flushed
   */
  public static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
