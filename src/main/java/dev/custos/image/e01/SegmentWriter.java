package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import dev.custos.io.WriteOnce;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file being written: created new (never an existing file), appended to through a
 * large buffer, sections written with their descriptors, then fsync'ed and sealed.
 *
 * <p>Not thread-safe: used by the writer's owning thread only.
 */
final class SegmentWriter {
  static final byte[] SIGNATURE = {'E', 'V', 'F', 0x09, 0x0d, 0x0a, (byte) 0xff, 0x00};
  static final int FILE_HEADER = 13;
  private static final int BUFFER = 4 << 20;

  private final Path file;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
  /** Bytes of the file, flushed or not. */
  private long position;
  private boolean closed;

  private SegmentWriter(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Creates {@code file} (it must not exist) and writes the file header of segment {@code number}.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists
   */
  static SegmentWriter create(Path file, int number) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    SegmentWriter segment = new SegmentWriter(file, channel);
    byte[] header = new byte[FILE_HEADER];
    System.arraycopy(SIGNATURE, 0, header, 0, SIGNATURE.length);
    header[8] = 0x01;
    ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putShort(9, (short) number);
    segment.write(header, 0, header.length);
    return segment;
  }

  /** The file's size so far, the buffered bytes included. */
  long position() {
    return position;
  }

  Path file() {
    return file;
  }

  /** Appends {@code bytes[offset, offset + length)}. */
  void write(byte[] bytes, int offset, int length) throws IOException {
    if (length > buffer.remaining()) {
      flush();
    }
    if (length >= BUFFER) {
      writeFully(ByteBuffer.wrap(bytes, offset, length));
    } else {
      buffer.put(bytes, offset, length);
    }
    position += length;
  }

  /** Appends a section: its descriptor pointing just past {@code body}, then the body. */
  void section(String type, byte[] body) throws IOException {
    long size = SectionDescriptor.SIZE + (long) body.length;
    byte[] descriptor = new SectionDescriptor(type, position + size, size).encode();
    write(descriptor, 0, descriptor.length);
    write(body, 0, body.length);
  }

  /** Appends a {@code next} or {@code done} section: pointing to itself, size 0, as EnCase writes them. */
  void terminal(String type) throws IOException {
    byte[] descriptor = new SectionDescriptor(type, position, 0).encode();
    write(descriptor, 0, descriptor.length);
  }

  /** Writes {@code bytes} over earlier bytes at {@code at} (a descriptor written once its size is known). */
  void overwrite(long at, byte[] bytes) throws IOException {
    flush();
    ByteBuffer source = ByteBuffer.wrap(bytes);
    long where = at;
    while (source.hasRemaining()) {
      where += channel.write(source, where);
    }
  }

  void flush() throws IOException {
    buffer.flip();
    try {
      writeFully(buffer);
    } finally {
      buffer.clear();
    }
  }

  private void writeFully(ByteBuffer source) throws IOException {
    while (source.hasRemaining()) {
      channel.write(source);
    }
  }

  /**
   * Flushes what is buffered (as far as the disk takes it), fsyncs, closes and seals the file (0444).
   * Idempotent.
   *
   * @return the file as written: its name and actual size
   */
  ImageFile close() throws IOException {
    if (!closed) {
      closed = true;
      // Sealed even when the flush fails (a full disk): what reached the file stays evidence.
      try (FileChannel c = channel) {
        flush();
        c.force(true);
      } finally {
        WriteOnce.seal(file);
      }
    }
    return new ImageFile(file.getFileName().toString(), java.nio.file.Files.size(file));
  }
}
