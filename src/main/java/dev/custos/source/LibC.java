package dev.custos.source;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The four C library calls that read single sectors of a device: {@code open} (read-only, always:
 * see {@link #READ_DIRECT}), {@code pread}, {@code close} and {@code strerror}. Bound through JNA's
 * direct mapping; nothing that writes is bound, so no code path through this class can write.
 *
 * <p>Linux only, on the two architectures whose {@code O_DIRECT} value is known here; elsewhere
 * {@link #flagsForReadDirect()} is empty and the JDK's reader serves (at its coarser unit).
 */
final class LibC {
  static {
    Native.register(Platform.C_LIBRARY_NAME);
  }

  private LibC() {}

  /** {@code O_RDONLY}: 0 on every Linux architecture. */
  private static final int O_RDONLY = 0;
  /** {@code O_CLOEXEC}: a started child (hdparm, say) never inherits the descriptor. */
  private static final int O_CLOEXEC = 0x80000;

  /**
   * {@code open} flags for a direct, read-only open: {@code O_RDONLY | O_DIRECT | O_CLOEXEC}, with
   * {@code O_DIRECT} as the architecture defines it (0x4000 on x86-64, 0x10000 on aarch64), or
   * -1 where it is not known here.
   */
  static int flagsForReadDirect() {
    if (!Platform.isLinux()) {
      return -1;
    }
    int direct = switch (Platform.ARCH) {
      case "x86-64" -> 0x4000;
      case "aarch64" -> 0x10000;
      default -> -1;
    };
    return direct < 0 ? -1 : O_RDONLY | direct | O_CLOEXEC;
  }

  /** {@code open(2)}; only ever called with {@link #flagsForReadDirect()}. */
  static native int open(String path, int flags) throws LastErrorException;

  /** {@code pread(2)}: {@code count} bytes at {@code offset} into {@code buffer}; bytes read, 0 at the end. */
  static native long pread(int fd, Pointer buffer, long count, long offset) throws LastErrorException;

  static native int close(int fd) throws LastErrorException;

  /** The system's text for {@code errnum}, e.g. {@code Input/output error} for EIO. */
  static native String strerror(int errnum);
}
