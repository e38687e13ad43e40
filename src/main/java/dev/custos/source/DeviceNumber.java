package dev.custos.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux device number, {@code major:minor}, as {@code /proc/self/mountinfo} and {@code
 * /sys/dev/block} name devices.
 */
public record DeviceNumber(int major, int minor) {
  /** Parses {@code "8:16"}. @throws IllegalArgumentException if malformed */
  public static DeviceNumber parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("device number must be major:minor, got '" + text + "'");
    }
    return new DeviceNumber(Integer.parseInt(text.substring(0, colon).trim()),
        Integer.parseInt(text.substring(colon + 1).trim()));
  }

  /** Decodes a {@code dev_t} as glibc's {@code major()} and {@code minor()} do. */
  static DeviceNumber fromDevT(long dev) {
    int major = (int) (((dev >>> 8) & 0xfffL) | ((dev >>> 32) & ~0xfffL));
    int minor = (int) ((dev & 0xffL) | ((dev >>> 12) & ~0xffL));
    return new DeviceNumber(major, minor);
  }

  /** The device a device node stands for ({@code st_rdev}). */
  static DeviceNumber ofDeviceNode(Path node) throws IOException {
    return fromDevT(((Number) Files.getAttribute(node, "unix:rdev")).longValue());
  }

  /** The device holding the file system {@code path} lies on ({@code st_dev}). */
  public static DeviceNumber ofFileSystemOf(Path path) throws IOException {
    return fromDevT(((Number) Files.getAttribute(path, "unix:dev")).longValue());
  }

  @Override
  public String toString() {
    return major + ":" + minor;
  }
}
