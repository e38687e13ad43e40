package dev.custos.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The identity (device and inode, {@link BasicFileAttributes#fileKey()}) of the source an
 * acquisition reads: the one comparison that proves a file Custos is about to write in an
 * evidence directory is not the source under another name. A path check made up front does not
 * see a source hard-linked or renamed into the directory under a name Custos writes (its lock, its
 * progress record, its image), nor a name changed after the check; a file's key does. For a block
 * device it is the key of the device node, which no write of Custos's can reach through a regular
 * file; it is compared all the same, so that every caller makes the one check whatever the source.
 *
 * <p>The JDK cannot {@code fstat} an open channel, so an opened file's key is that of its name
 * looked up again, no link followed, right after the open: a name swapped to the source before the
 * open is found; one swapped away and back in the microseconds of the open is not (only someone
 * writing in the directory while Custos runs can do that). Immutable; thread-safe.
 *
 * @param source the source's path, as named
 * @param key its file key, the kernel's {@code (dev, ino)}
 */
public record SourceFileKey(Path source, Object key) {
  /** @throws NullPointerException if either is null */
  public SourceFileKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(key, "key");
  }

  /**
   * The key of the file {@code source} names, links followed (the kernel opens the source through
   * them, a {@code /dev/disk/by-id/} name among others).
   *
   * @throws IOException if it cannot be examined, or its file system tells no file key
   */
  public static SourceFileKey of(Path source) throws IOException {
    Object key = Files.readAttributes(source, BasicFileAttributes.class).fileKey();
    if (key == null) {
      throw new IOException("the file system of " + source + " does not tell a file's identity (device and inode)");
    }
    return new SourceFileKey(source, key);
  }

  /**
   * Refuses {@code file} if it is the source: the check before Custos opens it for writing (an open
   * that creates or truncates changes it at once) and again after.
   *
   * @throws SourceWriteRefusedException if {@code file} is the source's file, naming both
   * @throws IOException if {@code file} exists but cannot be examined; an absent one passes
   */
  public void requireNot(Path file) throws IOException {
    Object other;
    try {
      other = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException e) {
      return;
    }
    if (key.equals(other)) {
      throw new SourceWriteRefusedException(file, source, "refusing to write to " + file + ": it is the source " + source
          + " itself (the same file " + key + ") under another name; Custos never writes to the source: nothing was written");
    }
  }
}
