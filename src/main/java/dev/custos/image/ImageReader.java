package dev.custos.image;

import dev.custos.io.StagingBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the files of an image, in order, as one stream of bytes. Each file is opened for reading
 * only and lies at the offset its recorded size puts it: a file that is missing or shorter than
 * recorded leaves a gap, read as zeros and listed by {@link #gaps()}, so every later byte stays
 * where the manifest says it is; bytes past a file's recorded size are not read.
 *
 * <p>Threading: one reader thread.
 */
public final class ImageReader implements Closeable {
  /**
   * One file of the image.
   *
   * @param name the name to report, e.g. {@code image.002}
   * @param path where it is
   * @param recordedSize its size as recorded; for an image nobody recorded, its size on disk
   */
  public record Part(String name, Path path, long recordedSize) {
    public Part {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(path, "path");
      if (recordedSize < 0) {
        throw new IllegalArgumentException("recorded size must not be negative, got " + recordedSize);
      }
    }
  }

  /**
   * Bytes {@code [start, end)} of the image that no file holds.
   *
   * @param file the file that should hold them
   */
  public record Gap(String file, long start, long end) {}

  private final List<Part> parts;
  private final long[] offsets;
  private final long[] present;
  private final FileChannel[] channels;
  private final List<Gap> gaps;
  private final long size;
  private final StagingBuffer staging = new StagingBuffer();
  /** Per part: the direct-I/O alignment it was opened with, or 0 when read through the page cache. */
  private final int[] directAlignment;

  private ImageReader(List<Part> parts, long[] offsets, long[] present, FileChannel[] channels, List<Gap> gaps, long size,
      int[] directAlignment) {
    this.directAlignment = directAlignment;
    this.parts = parts;
    this.offsets = offsets;
    this.present = present;
    this.channels = channels;
    this.gaps = gaps;
    this.size = size;
  }

  /**
   * Opens every part that exists, read-only.
   *
   * @throws IOException if a part that exists cannot be opened (the message names it)
   */
  public static ImageReader open(List<Part> parts) throws IOException {
    return open(parts, false);
  }

  /**
   * Opens every part that exists, read-only and with {@code O_DIRECT}, so that every byte read
   * comes from the disk and not from the page cache, which after an acquisition still holds what
   * was written. The page cache's dirty pages of a file are written out before a direct read of it,
   * so a change made through the cache is read too.
   *
   * @throws IOException if a part that exists cannot be opened, or its file system refuses direct
   *     I/O (tmpfs before Linux 6.6, some FUSE and network file systems): the message says which
   */
  public static ImageReader openUncached(List<Part> parts) throws IOException {
    return open(parts, true);
  }

  private static ImageReader open(List<Part> parts, boolean direct) throws IOException {
    List<Part> copy = List.copyOf(parts);
    long[] offsets = new long[copy.size()];
    long[] present = new long[copy.size()];
    FileChannel[] channels = new FileChannel[copy.size()];
    int[] alignment = new int[copy.size()];
    List<Gap> gaps = new ArrayList<>();
    long offset = 0;
    try {
      for (int i = 0; i < copy.size(); i++) {
        Part part = copy.get(i);
        offsets[i] = offset;
        channels[i] = openIfRegularFile(part, direct);
        alignment[i] = channels[i] != null && direct ? directAlignment(part) : 0;
        present[i] = channels[i] == null ? 0 : Math.min(channels[i].size(), part.recordedSize());
        if (present[i] < part.recordedSize()) {
          gaps.add(new Gap(part.name(), offset + present[i], offset + part.recordedSize()));
        }
        offset = Math.addExact(offset, part.recordedSize());
      }
    } catch (IOException | RuntimeException e) {
      closeAll(channels);
      throw e;
    }
    return new ImageReader(copy, offsets, present, channels, List.copyOf(gaps), offset, alignment);
  }

  @SuppressForbidden(reason = "O_DIRECT is the only way the JDK reads a file past the page cache")
  private static FileChannel openIfRegularFile(Part part, boolean direct) throws IOException {
    if (!Files.isRegularFile(part.path(), LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return direct
          ? FileChannel.open(part.path(), StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT)
          : FileChannel.open(part.path(), StandardOpenOption.READ);
    } catch (UnsupportedOperationException e) {
      throw new IOException("cannot open " + part.name() + " for direct reading: " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new IOException("cannot open " + part.name() + " for reading: " + e.getMessage(), e);
    }
  }

  /** The image's size: the sum of the recorded sizes. */
  public long size() {
    return size;
  }

  /** The parts, in order. */
  public List<Part> parts() {
    return parts;
  }

  /** Ranges no file holds (missing files, short files), ascending. */
  public List<Gap> gaps() {
    return gaps;
  }

  /**
   * Fills {@code destination[0, length)} with the image's bytes at {@code position}; bytes in a gap
   * are zeros.
   *
   * @throws IOException if a file cannot be read, or has become shorter since it was opened
   * @throws IllegalArgumentException if the range passes the end of the image
   */
  public void read(long position, byte[] destination, int length) throws IOException {
    if (position < 0 || length < 0 || position + length > size) {
      throw new IllegalArgumentException("bytes " + position + "+" + length + " are outside an image of " + size + " bytes");
    }
    int done = 0;
    int part = partAt(position);
    while (done < length) {
      long at = position + done - offsets[part];
      int take = (int) Math.min(length - done, parts.get(part).recordedSize() - at);
      int fromFile = (int) Math.max(0, Math.min(take, present[part] - at));
      if (fromFile > 0) {
        readFully(part, at, destination, done, fromFile);
      }
      Arrays.fill(destination, done + fromFile, done + take, (byte) 0);
      done += take;
      part++;
    }
  }

  private int partAt(long position) {
    int part = 0;
    while (part < parts.size() - 1 && position >= offsets[part] + parts.get(part).recordedSize()) {
      part++;
    }
    return part;
  }

  /**
   * The alignment the JDK demands of direct reads of {@code part}: the block size of its file
   * system, as {@code source.DirectSectorReader} finds it for a device.
   */
  private static int directAlignment(Part part) throws IOException {
    long blockSize = Files.getFileStore(part.path()).getBlockSize();
    if (blockSize <= 0 || blockSize > StagingBuffer.ALIGNMENT || StagingBuffer.ALIGNMENT % blockSize != 0) {
      throw new IOException("cannot read " + part.name() + " directly: its file system's block size is " + blockSize + " bytes");
    }
    return (int) Math.max(512, blockSize);
  }

  private void readFully(int part, long at, byte[] destination, int offset, int length) throws IOException {
    if (directAlignment[part] > 0) {
      readDirect(part, at, destination, offset, length);
      return;
    }
    ByteBuffer buffer = staging.of(length);
    long position = at;
    while (buffer.hasRemaining()) {
      int n = readAt(part, buffer, position, at + length - 1);
      if (n < 0) {
        throw endedAt(part, position);
      }
      position += n;
    }
    buffer.flip().get(destination, offset, length);
  }

  /** Reads the aligned range around {@code [at, at + length)} directly, and copies out the bytes asked for. */
  private void readDirect(int part, long at, byte[] destination, int offset, int length) throws IOException {
    int alignment = directAlignment[part];
    long from = at - at % alignment;
    long to = Math.addExact(at, length);
    to = (to + alignment - 1) / alignment * alignment;
    ByteBuffer buffer = staging.of(Math.toIntExact(to - from));
    long position = from;
    while (buffer.hasRemaining()) {
      int n = readAt(part, buffer, position, to - 1);
      if (n <= 0 || n % alignment != 0) {
        position += Math.max(n, 0);
        break; // the end of the file: a direct read may only go on from an aligned position
      }
      position += n;
    }
    if (position < at + length) {
      throw endedAt(part, position);
    }
    buffer.flip().position((int) (at - from));
    buffer.get(destination, offset, length);
  }

  /** One positional read of {@code part} at {@code position}; a read error names the part and its bytes up to {@code last}. */
  private int readAt(int part, ByteBuffer buffer, long position, long last) throws IOException {
    try {
      return channels[part].read(buffer, position);
    } catch (IOException e) {
      throw new IOException(parts.get(part).name() + " gives a read error in its bytes " + position + "–" + last + ": "
          + e.getMessage(), e);
    }
  }

  /** {@code part} ended early: a file that shrank while it was read. */
  private IOException endedAt(int part, long position) {
    return new IOException(parts.get(part).name() + " ended at byte " + position + " while being read: it changed during verification");
  }

  @Override
  public void close() throws IOException {
    closeAll(channels);
  }

  private static void closeAll(FileChannel[] channels) throws IOException {
    IOException first = null;
    for (FileChannel channel : channels) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
