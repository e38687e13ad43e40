package dev.custos.source;

import dev.custos.error.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The write-block rules, applied before a source is opened. A block device or partition is read
 * only when the kernel's read-only flag is set (already, or by {@code --set-readonly}), or when
 * the examiner declares a hardware write blocker; and never while any of its file systems is
 * mounted writable.
 */
public final class WriteBlockGuard {
  private final Path sysRoot;
  private final CommandRunner commands;

  WriteBlockGuard(Path sysRoot, CommandRunner commands) {
    this.sysRoot = sysRoot;
    this.commands = commands;
  }

  /** The rules over this system's sysfs, setting the flag with {@code blockdev}. */
  public static WriteBlockGuard system() {
    return new WriteBlockGuard(Path.of("/sys"), CommandRunner.system());
  }

  /**
   * Decides how the source is protected, setting the kernel flag if asked to.
   *
   * @param source the inspected source
   * @param setReadOnly whether the examiner asked Custos to set the kernel's read-only flag
   * @param hardwareBlocker the write blocker the examiner declared, or {@code null}
   * @return the protection and its proof
   * @throws UsageException if the source is mounted writable, or no protection applies (the
   *     message names the three ways), or setting the flag failed
   */
  public WriteBlock secure(SourceIdentity source, boolean setReadOnly, String hardwareBlocker)
      throws UsageException {
    if (!source.kind().isDevice()) {
      return new WriteBlock(WriteBlockMethod.READ_ONLY_FILE, false, blankToNull(hardwareBlocker),
          "image file opened with O_RDONLY only");
    }
    List<Mount> writable = source.writableMounts();
    if (!writable.isEmpty()) {
      throw new UsageException("refusing to read " + source.path() + ": mounted writable at "
          + writable.stream().map(Mount::mountPoint).collect(Collectors.joining(", "))
          + " (unmount it first; a mounted file system writes to the drive)");
    }
    Path flag = sysRoot.resolve("dev/block").resolve(source.deviceNumber().toString()).resolve("ro");
    boolean readOnly = readFlag(flag);
    String blocker = blankToNull(hardwareBlocker);
    if (readOnly) {
      return new WriteBlock(blocker == null ? WriteBlockMethod.KERNEL_READ_ONLY_FLAG : WriteBlockMethod.HARDWARE_WRITE_BLOCKER,
          true, blocker, "kernel read-only flag " + flag + " = 1 before opening");
    }
    if (setReadOnly) {
      try {
        commands.run(List.of("blockdev", "--setro", source.path().toString()));
      } catch (IOException e) {
        throw new UsageException("could not set " + source.path() + " read-only: " + e.getMessage(), e);
      }
      if (!readFlag(flag)) {
        throw new UsageException("blockdev --setro " + source.path() + " ran but " + flag + " is still 0: refusing to read");
      }
      return new WriteBlock(WriteBlockMethod.SET_READ_ONLY, true, blocker,
          "blockdev --setro " + source.path() + "; kernel read-only flag " + flag + " = 1 after");
    }
    if (blocker != null) {
      return new WriteBlock(WriteBlockMethod.HARDWARE_WRITE_BLOCKER, false, blocker,
          "hardware write blocker declared by the examiner: " + blocker + "; kernel read-only flag " + flag + " = 0");
    }
    throw new UsageException("refusing to read " + source.path() + ": it is not write-blocked (kernel read-only flag is 0);"
        + " use --set-readonly, or --hardware-write-blocker \"MODEL\", or set the flag (blockdev --setro) first");
  }

  private static boolean readFlag(Path flag) throws UsageException {
    try {
      return Files.readString(flag, java.nio.charset.StandardCharsets.US_ASCII).trim().equals("1");
    } catch (IOException e) {
      throw new UsageException("cannot read the kernel read-only flag " + flag + ": " + e.getMessage(), e);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
