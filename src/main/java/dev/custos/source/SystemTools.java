package dev.custos.source;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the system's drive tools (hdparm, smartctl, nvme) are found. */
public final class SystemTools {
  private SystemTools() {}

  /**
   * The executable {@code name} in the directories of {@code pathVariable}, then in {@code
   * /usr/sbin} and {@code /sbin}: the drive tools live in sbin, which a non-root {@code PATH} often lacks.
   */
  public static Optional<Path> find(String name, String pathVariable) {
    List<String> directories = new ArrayList<>();
    if (pathVariable != null) {
      directories.addAll(List.of(pathVariable.split(":")));
    }
    directories.add("/usr/sbin");
    directories.add("/sbin");
    for (String directory : directories) {
      if (directory.isEmpty()) {
        continue;
      }
      try {
        Path candidate = Path.of(directory, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      } catch (InvalidPathException e) {
        // a malformed PATH entry names no executable: look in the next one
      }
    }
    return Optional.empty();
  }
}
