package dev.custos.source;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as the operating system reported it for a read: its errno name ({@code EIO}), and
 * its text ({@code Input/output error}). The name is what the manifest records for a bad range:
 * it is the same on every Linux machine, where the number is not across architectures.
 *
 * @param name the errno name, {@code EIO}; {@code unknown} when only a text was given that no
 *     known errno has
 * @param text the system's text for it
 */
public record OsError(String name, String text) {
  /** Linux errno numbers (the same on x86-64 and aarch64 for these) and their names. */
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(5, "EIO"),
      Map.entry(6, "ENXIO"), Map.entry(9, "EBADF"), Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"),
      Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"), Map.entry(16, "EBUSY"), Map.entry(19, "ENODEV"),
      Map.entry(22, "EINVAL"), Map.entry(61, "ENODATA"), Map.entry(74, "EBADMSG"), Map.entry(75, "EOVERFLOW"),
      Map.entry(84, "EILSEQ"), Map.entry(107, "ENOTCONN"), Map.entry(110, "ETIMEDOUT"), Map.entry(116, "ESTALE"),
      Map.entry(117, "EUCLEAN"), Map.entry(121, "EREMOTEIO"), Map.entry(123, "ENOMEDIUM"), Map.entry(125, "ECANCELED"));

  /**
   * glibc's texts for the errors a read of a device or a file can give, for the JDK's reads,
   * whose exceptions carry the text alone.
   */
  private static final Map<String, String> BY_TEXT = Map.ofEntries(
      Map.entry("Input/output error", "EIO"), Map.entry("No such device or address", "ENXIO"),
      Map.entry("No such device", "ENODEV"), Map.entry("No medium found", "ENOMEDIUM"),
      Map.entry("Transport endpoint is not connected", "ENOTCONN"), Map.entry("Stale file handle", "ESTALE"),
      Map.entry("Connection timed out", "ETIMEDOUT"), Map.entry("Invalid argument", "EINVAL"),
      Map.entry("No data available", "ENODATA"), Map.entry("Bad message", "EBADMSG"),
      Map.entry("Remote I/O error", "EREMOTEIO"), Map.entry("Operation canceled", "ECANCELED"),
      Map.entry("Structure needs cleaning", "EUCLEAN"), Map.entry("Invalid or incomplete multibyte or wide character", "EILSEQ"));

  public OsError {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an error name must not be blank");
    }
  }

  /** The error {@code errno}, with the system's {@code text} for it. */
  static OsError of(int errno, String text) {
    return new OsError(NAMES.getOrDefault(errno, "errno " + errno), text);
  }

  /**
   * The error whose text {@code message} holds (the JDK's messages are the system's text, some
   * after a path), or {@code unknown} with the message as its text.
   */
  static OsError fromMessage(String message) {
    String text = String.valueOf(message);
    // Longest first: "No such device or address" (ENXIO) holds "No such device" (ENODEV).
    Optional<String> name = BY_TEXT.entrySet().stream()
        .filter(entry -> text.contains(entry.getKey()))
        .max(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()))
        .map(Map.Entry::getValue);
    return new OsError(name.orElse("unknown"), text);
  }

  /** The error means the device or what serves it is gone, not that a sector is bad. */
  boolean meansGone() {
    return switch (name) {
      case "ENODEV", "ENXIO", "ENOMEDIUM", "ENOTCONN", "ESTALE" -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return name + " (" + text + ")";
  }
}
