package dev.custos.image.e01;

import dev.custos.source.SectorRange;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bodies of the sections that end the last segment: error2, digest, hash. Stateless. */
final class TrailerSections {
  static final int ERROR2_HEADER = 520;
  static final int DIGEST = 80;
  static final int HASH = 36;

  private TrailerSections() {}

  /**
   * The error2 entries of {@code ranges}: sorted, touching runs joined, runs longer than 2^32 - 1
   * sectors split, since EnCase 6 entries hold a 32-bit start and count.
   *
   * @throws IllegalArgumentException if a run passes the media's {@code sectorCount} or starts
   *     beyond sector 2^32 - 1, which an EnCase 6 error2 entry cannot hold
   */
  static List<long[]> error2Entries(List<SectorRange> ranges, long sectorCount) {
    List<SectorRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(SectorRange::firstLba));
    List<long[]> runs = new ArrayList<>();
    for (SectorRange range : sorted) {
      if (range.endLba() > sectorCount) {
        throw new IllegalArgumentException("unreadable " + range + " passes the media's " + sectorCount + " sectors");
      }
      long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && range.firstLba() <= last[0] + last[1]) {
        last[1] = Math.max(last[1], range.endLba() - last[0]);
      } else {
        runs.add(new long[] {range.firstLba(), range.count()});
      }
    }
    List<long[]> entries = new ArrayList<>();
    for (long[] run : runs) {
      long start = run[0];
      long left = run[1];
      while (left > 0) {
        if (start > 0xffffffffL) {
          throw new IllegalArgumentException("unreadable sectors from LBA " + start
              + " cannot be listed in an EnCase 6 error2 section, whose sector numbers are 32-bit");
        }
        long count = Math.min(left, 0xffffffffL);
        entries.add(new long[] {start, count});
        start += count;
        left -= count;
      }
    }
    return entries;
  }

  /** The error2 body: header (count, 512 zero bytes, Adler-32), entries, Adler-32 of the entries. */
  static byte[] error2(List<long[]> entries) {
    byte[] bytes = new byte[ERROR2_HEADER + 8 * entries.size() + 4];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(0, entries.size());
    buffer.putInt(516, Checksums.adler32(bytes, 0, 516));
    for (int i = 0; i < entries.size(); i++) {
      buffer.putInt(ERROR2_HEADER + 8 * i, (int) entries.get(i)[0]);
      buffer.putInt(ERROR2_HEADER + 8 * i + 4, (int) entries.get(i)[1]);
    }
    buffer.putInt(bytes.length - 4, Checksums.adler32(bytes, ERROR2_HEADER, 8 * entries.size()));
    return bytes;
  }

  /** The size of an error2 section of {@code entries} entries, descriptor included. */
  static long error2SectionSize(int entries) {
    return SectionDescriptor.SIZE + ERROR2_HEADER + 8L * entries + 4;
  }

  /** The digest body: MD5, SHA-1, 40 zero bytes, Adler-32. */
  static byte[] digest(byte[] md5, byte[] sha1) {
    byte[] bytes = new byte[DIGEST];
    System.arraycopy(md5, 0, bytes, 0, 16);
    System.arraycopy(sha1, 0, bytes, 16, 20);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(76, Checksums.adler32(bytes, 0, 76));
    return bytes;
  }

  /** The hash body: MD5, 16 zero bytes (libewf leaves EnCase's unknown value empty), Adler-32. */
  static byte[] hash(byte[] md5) {
    byte[] bytes = new byte[HASH];
    System.arraycopy(md5, 0, bytes, 0, 16);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(32, Checksums.adler32(bytes, 0, 32));
    return bytes;
  }
}
