package dev.custos.image.e01;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The body of a {@code table} or {@code table2} section of EnCase 6: a 24-byte header (entry count,
 * base offset, Adler-32 of its first 20 bytes), one 32-bit entry per chunk (offset from the base in
 * the low 31 bits, bit 31 set when the chunk is compressed), and the Adler-32 of the entries.
 * Stateless.
 */
final class ChunkTable {
  /** libewf's limit for EnCase 6 ({@code LIBEWF_MAXIMUM_TABLE_ENTRIES_ENCASE6}). */
  static final int MAX_ENTRIES = 65534;
  static final int HEADER = 24;
  static final int COMPRESSED = 0x80000000;
  static final int OFFSET_MASK = 0x7fffffff;

  private ChunkTable() {}

  /** The size of a table section (descriptor included) of {@code entries} entries. */
  static long sectionSize(int entries) {
    return SectionDescriptor.SIZE + HEADER + 4L * entries + 4;
  }

  /** The body of a table of {@code entries[0, count)} relative to {@code base}. */
  static byte[] encode(int[] entries, int count, long base) {
    byte[] bytes = new byte[HEADER + 4 * count + 4];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(0, count).putLong(8, base);
    buffer.putInt(20, Checksums.adler32(bytes, 0, 20));
    for (int i = 0; i < count; i++) {
      buffer.putInt(HEADER + 4 * i, entries[i]);
    }
    buffer.putInt(HEADER + 4 * count, Checksums.adler32(bytes, HEADER, 4 * count));
    return bytes;
  }

  /**
   * A decoded table: its base, entries, and what was wrong with its checksums.
   *
   * @param problem empty when both checksums match; else what did not
   */
  record Decoded(long base, int[] entries, String problem) {}

  /**
   * Decodes a table body {@code bytes[offset, offset + length)}.
   *
   * @throws IllegalArgumentException if the body is too short for its entry count
   */
  static Decoded decode(byte[] bytes, int offset, int length) {
    if (length < HEADER) {
      throw new IllegalArgumentException("a table body of " + length + " bytes is shorter than its 24-byte header");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long count = buffer.getInt(offset) & 0xffffffffL;
    long base = buffer.getLong(offset + 8);
    if (HEADER + 4 * count > length) {
      throw new IllegalArgumentException("a table of " + count + " entries does not fit in its " + length + " bytes");
    }
    StringBuilder problem = new StringBuilder();
    int storedHeader = buffer.getInt(offset + 20);
    int computedHeader = Checksums.adler32(bytes, offset, 20);
    if (storedHeader != computedHeader) {
      problem.append("table header Adler-32 mismatch: stored ").append(Checksums.hex(storedHeader))
          .append(", computed ").append(Checksums.hex(computedHeader));
    }
    int[] entries = new int[(int) count];
    for (int i = 0; i < count; i++) {
      entries[i] = buffer.getInt(offset + HEADER + 4 * i);
    }
    if (HEADER + 4 * count + 4 <= length) {
      int stored = buffer.getInt(offset + HEADER + 4 * (int) count);
      int computed = Checksums.adler32(bytes, offset + HEADER, 4 * (int) count);
      if (stored != computed) {
        problem.append(problem.length() > 0 ? "; " : "").append("table entries Adler-32 mismatch: stored ")
            .append(Checksums.hex(stored)).append(", computed ").append(Checksums.hex(computed));
      }
    }
    return new Decoded(base, entries, problem.toString());
  }
}
