package dev.custos.source;

import dev.custos.error.UsageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds out what a source path is and everything the kernel and the drive tell about it, without
 * writing to it. Thread-safe (stateless but for its injected seams).
 */
public final class SourceInspector {
  private static final int FILE_SECTOR_SIZE = 512;

  private final Sysfs sysfs;
  private final HiddenAreaProbe hiddenAreaProbe;

  SourceInspector(Sysfs sysfs, HiddenAreaProbe hiddenAreaProbe) {
    this.sysfs = sysfs;
    this.hiddenAreaProbe = hiddenAreaProbe;
  }

  /** An inspector of this system's devices, asking ATA drives about HPA and DCO with {@code probe}. */
  public static SourceInspector system(HiddenAreaProbe probe) {
    return new SourceInspector(Sysfs.system(), probe);
  }

  /**
   * Identifies the source at {@code path}.
   *
   * @throws UsageException if it does not exist, cannot be read, is neither a block device nor a
   *     regular file, or is empty
   */
  public SourceIdentity inspect(Path path) throws UsageException {
    if (!Files.exists(path)) {
      // Neither exists nor not: a directory on the way cannot be searched, so the path cannot be seen.
      throw new UsageException("source " + path + (Files.notExists(path) ? " does not exist"
          : " cannot be reached: permission denied (a directory on its path cannot be searched)"));
    }
    refuseUnseekable(path);
    long size = readableSize(path);
    if (size == 0) {
      throw new UsageException("source " + path + " is empty (0 bytes): there is nothing to acquire");
    }
    try {
      if (Files.isRegularFile(path)) {
        return new SourceIdentity(path, SourceKind.FILE, null, null, null, null, size,
            FILE_SECTOR_SIZE, FILE_SECTOR_SIZE, false, false, false,
            HiddenAreas.notAvailable("image file"), null, List.of(), Set.of());
      }
      if (!isBlockDevice(path)) {
        throw new UsageException("source " + path + " is neither a block device nor a regular file");
      }
      return inspectDevice(path, size);
    } catch (IOException e) {
      throw new UsageException("cannot identify source " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses, before it is opened, a source that is neither a block device nor a regular file: a
   * FIFO would block the open until a writer comes and yields bytes no one can read again, a
   * character device ({@code /dev/zero}) has no size and no end, a socket or directory no sectors.
   * A link (a {@code /dev/disk/by-id} name) is followed.
   */
  private static void refuseUnseekable(Path path) throws UsageException {
    int type;
    try {
      type = ((Number) Files.getAttribute(path, "unix:mode")).intValue() & 0170000;
    } catch (IOException | UnsupportedOperationException e) {
      throw new UsageException("cannot identify source " + path + ": " + e.getMessage(), e);
    }
    String what = switch (type) {
      case 0100000, 0060000 -> null;
      case 0010000 -> "a FIFO (named pipe)";
      case 0020000 -> "a character device";
      case 0140000 -> "a socket";
      case 0040000 -> "a directory";
      default -> "of file type " + Integer.toOctalString(type);
    };
    if (what != null) {
      throw new UsageException("source " + path + " is " + what + ": Custos acquires a block device, a partition or a regular"
          + " file, whose every sector can be read again; nothing was read");
    }
  }

  static boolean isBlockDevice(Path path) throws IOException {
    int mode = ((Number) Files.getAttribute(path, "unix:mode")).intValue();
    return (mode & 0170000) == 0060000;
  }

  private static long readableSize(Path path) throws UsageException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return channel.size();
    } catch (NoSuchFileException e) {
      throw new UsageException("source " + path + " does not exist", e);
    } catch (IOException | SecurityException e) {
      throw new UsageException("source " + path + " cannot be read: " + describe(e), e);
    }
  }

  private SourceIdentity inspectDevice(Path path, long size) throws IOException, UsageException {
    DeviceNumber number = DeviceNumber.ofDeviceNode(path);
    Path dir = sysfs.directoryOf(number).orElseThrow(
        () -> new UsageException("source " + path + " (" + number + ") is not known to the kernel's sysfs"));
    boolean partition = Sysfs.isPartition(dir);
    Path whole = partition ? dir.getParent() : dir;
    Set<DeviceNumber> covering = relatedDevices(dir, whole);
    HiddenAreas hidden = partition
        ? HiddenAreas.notAvailable("a partition; HPA and DCO belong to the whole drive")
        : hiddenAreaProbe.probe(path, whole);
    return sysfs.identity(path, dir, number, size, hidden, MountTable.read().mountsOf(covering), covering);
  }

  /**
   * The devices whose mounts touch the source's sectors: a whole disk and its partitions, or a
   * partition and its whole disk.
   */
  private static Set<DeviceNumber> relatedDevices(Path dir, Path whole) throws IOException {
    Set<DeviceNumber> related = new HashSet<>();
    related.add(Sysfs.deviceNumber(dir));
    related.add(Sysfs.deviceNumber(whole));
    if (dir.equals(whole)) {
      for (Path partition : Sysfs.partitionsOf(whole)) {
        related.add(Sysfs.deviceNumber(partition));
      }
    }
    return related;
  }

  static String describe(Exception e) {
    // A FileSystemException's message is the path again, and the path is already said: its
    // reason ("Device or resource busy") is what the examiner needs; Java gives none for EACCES.
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
