package dev.custos.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The mounts of the system, as {@code /proc/self/mountinfo} lists them. Immutable. */
public final class MountTable {
  private final List<Mount> mounts;

  private MountTable(List<Mount> mounts) {
    this.mounts = List.copyOf(mounts);
  }

  /**
   * Reads {@code /proc/self/mountinfo}.
   *
   * @throws IOException if it cannot be read
   */
  public static MountTable read() throws IOException {
    return parse(Files.readString(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8));
  }

  /**
   * Reads a mountinfo file at {@code mountinfo} (tests pass a fake one).
   *
   * @throws IOException if it cannot be read
   */
  static MountTable read(Path mountinfo) throws IOException {
    return parse(Files.readString(mountinfo, StandardCharsets.UTF_8));
  }

  /** Parses the text of a mountinfo file (see proc(5)); malformed lines are skipped. */
  static MountTable parse(String mountinfo) {
    List<Mount> mounts = new ArrayList<>();
    for (String line : mountinfo.split("\n")) {
      String[] fields = line.split(" ");
      int separator = Arrays.asList(fields).indexOf("-");
      if (fields.length < 6 || separator < 6 || separator + 1 >= fields.length) {
        continue;
      }
      boolean readOnly = Arrays.asList(fields[5].split(",")).contains("ro");
      mounts.add(new Mount(DeviceNumber.parse(fields[2]), unescape(fields[4]), fields[separator + 1], readOnly));
    }
    return new MountTable(mounts);
  }

  /** Every mount of any of {@code devices}. */
  public List<Mount> mountsOf(Set<DeviceNumber> devices) {
    return mounts.stream().filter(mount -> devices.contains(mount.device())).toList();
  }

  private static String unescape(String field) {
    // mountinfo escapes space, tab, newline and backslash as \ooo octal.
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 3 < field.length()) {
        try {
          out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
          i += 3;
          continue;
        } catch (NumberFormatException e) {
          // not an escape: keep the backslash as it is
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}
