package dev.custos.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** What is in a directory tree, as {@code find} (not Custos) lists it: to show that nothing else was written. */
public final class Trees {
  private Trees() {}

  /**
   * One entry a line, sorted: type, size, mode, modification time (ns), relative name, link target,
   * and a regular file's SHA-256; the root itself (whose time changes with what is made in it, which
   * the entries show) and entries at or under {@code excluded} (relative to {@code root}) left out.
   */
  public static List<String> snapshot(Path root, String... excluded) {
    // The name may hold tabs, line breaks, anything but NUL: it comes after the fixed fields.
    String listing = ExternalTool.ok("find", root.toString(), "-printf", "%y %s %m %T@ %P\\001%l\\0");
    return Arrays.stream(listing.split("\0"))
        .filter(entry -> !entry.isEmpty())
        .filter(entry -> {
          String named = entry.split(" ", 5)[4];
          String path = named.substring(0, named.indexOf('\001'));
          return !path.isEmpty() && Arrays.stream(excluded).noneMatch(name -> path.equals(name) || path.startsWith(name + "/"));
        })
        .map(entry -> entry.startsWith("f ") ? entry + " sha256 " + sha256(root, entry) : entry)
        .sorted()
        .toList();
  }

  private static String sha256(Path root, String entry) {
    String named = entry.split(" ", 5)[4];
    try {
      Path file = root.resolve(named.substring(0, named.indexOf('\001')));
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return "?";
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (InvalidPathException e) {
      return "unnamed here";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
