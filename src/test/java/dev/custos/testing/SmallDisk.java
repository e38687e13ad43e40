package dev.custos.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A small real file system that can be filled up: a tmpfs of a given size mounted on a test's
 * directory ({@code mount -t tmpfs -o size=…}), unmounted on close. Needs root.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code sizeBytes} (a multiple of 4096) on {@code mountPoint}, created if needed; skips the test without root. */
  public static SmallDisk mount(Path mountPoint, long sizeBytes) {
    ExternalTool.assumeRoot();
    try {
      Files.createDirectories(mountPoint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExternalTool.Result result = ExternalTool.run(List.of("mount", "-t", "tmpfs", "-o", "size=" + sizeBytes, "tmpfs", mountPoint.toString()));
    assumeTrue(result.exitCode() == 0, "cannot mount a tmpfs here: " + result.output().strip());
    return new SmallDisk(mountPoint);
  }

  public Path path() {
    return mountPoint;
  }

  /** Bytes free for an unprivileged writer now, as {@code df} would say. */
  public long freeBytes() {
    try {
      return Files.getFileStore(mountPoint).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a filler file ({@code name}) until no more than {@code leaveFree} bytes are free, or
   * until the disk is full if something else is writing meanwhile (its last write then fails with
   * ENOSPC, which is taken as done).
   *
   * @return bytes written into the filler
   */
  public long fill(String name, long leaveFree) {
    byte[] chunk = new byte[1 << 20];
    long written = 0;
    try (FileChannel filler = FileChannel.open(mountPoint.resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      long toWrite = freeBytes() - leaveFree;
      while (written < toWrite) {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, toWrite - written));
        while (buffer.hasRemaining()) {
          written += filler.write(buffer);
        }
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
        throw new UncheckedIOException(e);
      }
    }
    return written;
  }

  /** Deletes the filler {@code name}: the space is free again. */
  public void free(String name) {
    try {
      Files.deleteIfExists(mountPoint.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    ExternalTool.run(List.of("umount", mountPoint.toString()));
  }
}
