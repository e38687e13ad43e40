package dev.custos.partition;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/** Little-endian fields of on-disk structures, and GUIDs in their mixed-endian layout. Stateless. */
final class Bytes {
  private Bytes() {}

  static long u32(byte[] data, int offset) {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(offset) & 0xffffffffL;
  }

  static long u64(byte[] data, int offset) {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong(offset);
  }

  /**
   * The GUID at {@code offset}: its first three fields are little-endian, the last two big-endian
   * (UEFI appendix A), so the bytes are not printed in the order they are stored.
   */
  static String guid(byte[] data, int offset) {
    StringBuilder text = new StringBuilder(36);
    int[] order = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
    for (int index : order) {
      if (index < 0) {
        text.append('-');
      } else {
        text.append(String.format(Locale.ROOT, "%02X", data[offset + index] & 0xff));
      }
    }
    return text.toString();
  }

  static boolean allZero(byte[] data, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (data[i] != 0) {
        return false;
      }
    }
    return true;
  }

  static String hex32(long value) {
    return String.format(Locale.ROOT, "0x%08x", value);
  }
}
