package dev.custos.source;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What can be seen of a source from outside at one moment, taken before and after it is read: a
 * change between the two means the bytes read are of neither state. For a file: its size,
 * modification and status-change times and its inode and device (a file replaced under the same
 * name has another inode). For a block device: its size as the device reports it, its model and
 * serial as re-inspected, and, for a loop device, the state of its backing file. A block device's
 * node has no times that say its sectors were written: writes through another path (a process
 * holding it open, the backing file of a loop device unless recorded here) cannot be seen this
 * way; the write-block guard is the protection there. Immutable.
 *
 * @param sizeBytes the source's size, as a fresh open of it reports
 * @param file the file's stat, or null for a block device
 * @param backingFile for a loop device, its backing file's stat when it can be read; else null
 * @param model the device's model as re-inspected, or null (a file, or not reported)
 * @param serial the device's serial as re-inspected, or null
 */
public record SourceState(long sizeBytes, FileStat file, FileStat backingFile, String model, String serial) {
  /** File times at the file system's precision: milliseconds would hide a write within the same millisecond. */
  public static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);

  /**
   * One file's stat.
   *
   * @param path the file
   * @param sizeBytes its size
   * @param modified its modification time (mtime)
   * @param changed its status-change time (ctime), which no unprivileged process can set back
   * @param inode its inode number
   * @param device the device number of the file system holding it
   */
  public record FileStat(String path, long sizeBytes, Instant modified, Instant changed, long inode, long device) {
    public FileStat {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(modified, "modified");
      Objects.requireNonNull(changed, "changed");
    }

    /**
     * Stats {@code file}, following a link as opening it does.
     *
     * @throws IOException if it cannot be stat'ed
     */
    public static FileStat of(Path file) throws IOException {
      Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,ino,dev");
      return new FileStat(file.toString(), (Long) unix.get("size"), ((FileTime) unix.get("lastModifiedTime")).toInstant(),
          ((FileTime) unix.get("ctime")).toInstant(), (Long) unix.get("ino"), (Long) unix.get("dev"));
    }

    void differences(String what, FileStat after, List<String> into) {
      if (after.sizeBytes != sizeBytes) {
        into.add(what + " size " + after.sizeBytes + " bytes, was " + sizeBytes);
      }
      if (!after.modified.equals(modified)) {
        into.add(what + " modification time " + NANOS.format(after.modified) + ", was " + NANOS.format(modified));
      }
      if (!after.changed.equals(changed)) {
        into.add(what + " status-change time " + NANOS.format(after.changed) + ", was " + NANOS.format(changed));
      }
      if (after.inode != inode || after.device != device) {
        into.add(what + " inode " + after.inode + " on device " + after.device + ", was inode " + inode + " on device " + device
            + " (another file under the same name)");
      }
    }
  }

  /**
   * The state of {@code identity}'s source now. For a device, {@code reinspected} is the identity
   * inspected again just now (its model and serial are what the drive reports now).
   *
   * @throws IOException if the source (or its stat) cannot be read
   */
  public static SourceState of(SourceIdentity identity, SourceIdentity reinspected) throws IOException {
    if (!identity.kind().isDevice()) {
      FileStat stat = FileStat.of(identity.path());
      return new SourceState(stat.sizeBytes(), stat, null, null, null);
    }
    long size;
    try (FileChannel channel = FileChannel.open(identity.path(), ReadOnlySource.READ_ONLY)) {
      size = channel.size();
    }
    FileStat backing = null;
    if (identity.backingFile() != null) {
      try {
        backing = FileStat.of(Path.of(identity.backingFile()));
      } catch (IOException | RuntimeException e) {
        backing = null; // a backing file deleted or out of reach: nothing to compare, said by its absence
      }
    }
    return new SourceState(size, null, backing, reinspected.model(), reinspected.serial());
  }

  /** What differs in {@code after}, each difference in words; empty when nothing that can be seen changed. */
  public List<String> differences(SourceState after) {
    List<String> changes = new ArrayList<>();
    if (file != null && after.file != null) {
      file.differences("", after.file, changes);
      changes.replaceAll(String::strip);
    } else if (after.sizeBytes != sizeBytes) {
      changes.add("size " + after.sizeBytes + " bytes, was " + sizeBytes);
    }
    if (backingFile != null) {
      if (after.backingFile == null) {
        changes.add("backing file " + backingFile.path() + " can no longer be stat'ed");
      } else {
        backingFile.differences("backing file " + backingFile.path(), after.backingFile, changes);
      }
    }
    if (!Objects.equals(model, after.model)) {
      changes.add("model '" + after.model + "', was '" + model + "'");
    }
    if (!Objects.equals(serial, after.serial)) {
      changes.add("serial '" + after.serial + "', was '" + serial + "'");
    }
    return changes;
  }
}
