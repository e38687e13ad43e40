package dev.custos.image.e01;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walks the section chain of one segment file: checks its file header, then follows each
 * descriptor's next offset to {@code next} or {@code done}. A descriptor whose Adler-32 does not
 * match is reported and followed as long as its next offset is plausible. Stateless.
 */
final class SectionWalker {
  /** One section found: where its descriptor starts, and what it says. */
  record Section(String type, long offset, long size, long next) {
    /** Where its body starts. */
    long bodyOffset() {
      return offset + SectionDescriptor.SIZE;
    }

    /** Bytes of its body as its size says (0 when the size is 0 or too small). */
    long bodySize() {
      return Math.max(0, size - SectionDescriptor.SIZE);
    }
  }

  /**
   * A segment's sections in file order.
   *
   * @param number the segment number in its file header
   * @param terminator {@code "next"}, {@code "done"}, or {@code ""} when the chain ends without either
   * @param problems what is wrong, each naming the file and offset
   */
  record Walk(int number, List<Section> sections, String terminator, List<String> problems) {}

  private SectionWalker() {}

  /**
   * Walks {@code file}, open read-only as {@code channel}.
   *
   * @throws E01FormatException if the file header is not an EWF-E01 one, or the chain cannot be
   *     followed (a descriptor unreadable or pointing backwards or past the end)
   */
  static Walk walk(Path file, FileChannel channel) throws IOException {
    long length = channel.size();
    byte[] header = read(channel, 0, SegmentWriter.FILE_HEADER);
    if (header.length < SegmentWriter.FILE_HEADER
        || !Arrays.equals(header, 0, SegmentWriter.SIGNATURE.length, SegmentWriter.SIGNATURE, 0, SegmentWriter.SIGNATURE.length)) {
      throw new E01FormatException(file, 0, "not an EWF-E01 segment file: the signature EVF\\x09\\x0d\\x0a\\xff\\x00 is missing");
    }
    int number = (header[9] & 0xff) | (header[10] & 0xff) << 8;
    List<Section> sections = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    long offset = SegmentWriter.FILE_HEADER;
    String terminator = "";
    while (offset < length) {
      if (length - offset < SectionDescriptor.SIZE) {
        problems.add(file + " at offset " + offset + ": the file ends inside a section descriptor ("
            + (length - offset) + " of 76 bytes): the segment is truncated");
        break;
      }
      SectionDescriptor.Read read;
      try {
        read = SectionDescriptor.decode(read(channel, offset, SectionDescriptor.SIZE), 0);
      } catch (IllegalArgumentException e) {
        throw new E01FormatException(file, offset, "no section descriptor here (" + e.getMessage() + ")");
      }
      SectionDescriptor d = read.descriptor();
      if (!read.checksumOk()) {
        problems.add(file + " at offset " + offset + ": section descriptor '" + d.type() + "' Adler-32 mismatch: stored "
            + Checksums.hex(read.storedChecksum()) + ", computed " + Checksums.hex(read.computedChecksum()));
      }
      sections.add(new Section(d.type(), offset, d.size(), d.next()));
      if (d.type().equals("next") || d.type().equals("done")) {
        terminator = d.type();
        break;
      }
      if (d.next() == offset) {
        break;
      }
      if (d.next() > length) {
        problems.add(file + " at offset " + offset + ": section '" + d.type() + "' says the next section is at "
            + d.next() + ", past the file's end " + length + ": the segment is truncated");
        break;
      }
      if (d.next() < offset + SectionDescriptor.SIZE) {
        throw new E01FormatException(file, offset, "section '" + d.type() + "' points back to offset " + d.next()
            + ": the section chain cannot be followed");
      }
      offset = d.next();
    }
    if (terminator.isEmpty()) {
      problems.add(file + " at offset " + Math.min(offset, length) + ": the section chain ends without a next or done section");
    }
    return new Walk(number, sections, terminator, problems);
  }

  /** Up to {@code length} bytes at {@code position} (fewer at the end of the file). */
  static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        break;
      }
      at += n;
    }
    return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
  }
}
