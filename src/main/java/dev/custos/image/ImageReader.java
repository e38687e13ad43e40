package dev.custos.image;

import dev.custos.digest.StagingBuffer;
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

  private ImageReader(List<Part> parts, long[] offsets, long[] present, FileChannel[] channels, List<Gap> gaps, long size) {
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
    List<Part> copy = List.copyOf(parts);
    long[] offsets = new long[copy.size()];
    long[] present = new long[copy.size()];
    FileChannel[] channels = new FileChannel[copy.size()];
    List<Gap> gaps = new ArrayList<>();
    long offset = 0;
    try {
      for (int i = 0; i < copy.size(); i++) {
        Part part = copy.get(i);
        offsets[i] = offset;
        channels[i] = openIfRegularFile(part);
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
    return new ImageReader(copy, offsets, present, channels, List.copyOf(gaps), offset);
  }

  private static FileChannel openIfRegularFile(Part part) throws IOException {
    if (!Files.isRegularFile(part.path(), LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    try {
      return FileChannel.open(part.path(), StandardOpenOption.READ);
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

  private void readFully(int part, long at, byte[] destination, int offset, int length) throws IOException {
    ByteBuffer buffer = staging.of(length);
    long position = at;
    while (buffer.hasRemaining()) {
      int n;
      try {
        n = channels[part].read(buffer, position);
      } catch (IOException e) {
        throw new IOException(parts.get(part).name() + " gives a read error in its bytes " + position + "–"
            + (at + length - 1) + ": " + e.getMessage(), e);
      }
      if (n < 0) {
        throw new IOException(parts.get(part).name() + " ended at byte " + position + " while being read: it changed during verification");
      }
      position += n;
    }
    buffer.flip().get(destination, offset, length);
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
