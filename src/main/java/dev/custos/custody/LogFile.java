package dev.custos.custody;

import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.io.WriteOnce;
import dev.custos.io.EvidenceFile;
import dev.custos.io.SourceFileKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The custody log file while its directory's append lock is held: its last whole event, a torn
 * last line if any, and appending. Not thread-safe; one instance lives for one locked append.
 * While a source is acquired, the log is changed only once proven not to be it ({@link
 * SourceFileKey}).
 */
final class LogFile {
  private final Path path;
  /** The source being acquired, or {@code null}. */
  private final SourceFileKey notSource;
  private CustodyEvent last;
  private long length;
  private byte[] tornTail;

  private LogFile(Path path, SourceFileKey notSource, CustodyEvent last, long length, byte[] tornTail) {
    this.path = path;
    this.notSource = notSource;
    this.last = last;
    this.length = length;
    this.tornTail = tornTail;
  }

  /**
   * Reads the log's end.
   *
   * @throws EvidenceWriteException if it cannot be read
   * @throws CustodyBrokenException if its last whole line is not an event, or it ends in bytes that
   *     are neither a line end nor a torn append
   */
  static LogFile open(Path path) throws EvidenceWriteException, CustodyBrokenException {
    return open(path, null);
  }

  /** As {@link #open(Path)}, for appends made while {@code notSource} ({@code null}: none) is acquired. */
  static LogFile open(Path path, SourceFileKey notSource) throws EvidenceWriteException, CustodyBrokenException {
    byte[] bytes;
    try {
      bytes = CustodyLog.readNoLink(path);
    } catch (NoSuchFileException e) {
      return new LogFile(path, notSource, null, -1, new byte[0]);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot read " + path + ": " + e.getMessage(), e);
    }
    LogLines lines = LogLines.of(bytes);
    CustodyEvent last = null;
    if (lines.count() > 0) {
      EventReader.Result read = EventReader.read(lines.line(lines.count()));
      if (!read.ok()) {
        throw new CustodyBrokenException(path.getFileName() + " line " + lines.count() + " is " + read.detail()
            + "; nothing was appended (run report custody to see the whole log)");
      }
      last = read.event();
    }
    if (lines.hasTail() && !EventReader.isTornAppend(lines.tail())) {
      throw new CustodyBrokenException(path.getFileName() + " line " + (lines.count() + 1)
          + " is neither a whole event nor an append cut short; nothing was appended (run report custody)");
    }
    return new LogFile(path, notSource, last, lines.wholeLength(), lines.tail());
  }

  /** The last whole event, or null for a new or empty log. */
  CustodyEvent last() {
    return last;
  }

  boolean hasTornLine() {
    return tornTail.length > 0;
  }

  /**
   * Copies the torn last line to a new file beside the log ({@code custody.jsonl.torn-1}, {@code
   * -2}, …), then cuts it off the log.
   *
   * @throws EvidenceWriteException if either step fails; the torn bytes are then still in the log
   */
  TornLine setTornLineAside() throws EvidenceWriteException {
    Path directory = path.toAbsolutePath().getParent();
    Path aside;
    try {
      aside = WriteOnce.writeFirstFree(n -> directory.resolve(path.getFileName() + ".torn-" + n), tornTail);
      withWritableLog(channel -> channel.truncate(length));
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot set the torn last line of " + path + " aside: " + e.getMessage(), e);
    }
    TornLine torn = new TornLine(aside.getFileName().toString(), tornTail.length, CustodyEvent.sha256(tornTail),
        last == null ? -1 : last.seq());
    tornTail = new byte[0];
    return torn;
  }

  /**
   * Appends {@code event}'s line with one write and fsyncs it; a write that fails is cut back off.
   *
   * @throws EvidenceWriteException if the line cannot be written whole
   */
  void append(CustodyEvent event) throws EvidenceWriteException {
    byte[] line = event.line();
    try {
      if (length < 0) {
        createWith(line);
        length = line.length;
      } else {
        long before = length;
        withWritableLog(channel -> {
          try {
            writeFully(channel, line, before);
          } catch (IOException e) {
            channel.truncate(before);
            channel.force(true);
            throw e;
          }
        });
        length = before + line.length;
      }
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot append to " + path + ": " + e.getMessage()
          + " (the log keeps its " + Math.max(length, 0) + " bytes of whole events)", e);
    }
    last = event;
  }

  private void createWith(byte[] line) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      try {
        writeFully(channel, line, 0);
      } catch (IOException e) {
        channel.truncate(0);
        throw e;
      }
    }
    WriteOnce.seal(path);
  }

  /** Runs {@code action} on the log opened for writing, and makes it read-only and synced again afterwards. */
  private void withWritableLog(ChannelAction action) throws IOException {
    if (Files.isSymbolicLink(path)) {
      throw new IOException(path + " is a symbolic link: not followed");
    }
    // Neither the mode nor the bytes of a file a link points to, or of a file with another name
    // (a hard link from outside the directory), are touched, even if a link replaces the log after
    // the checks here.
    EvidenceFile.requireSingleName(path);
    if (notSource != null) {
      notSource.requireNot(path); // before its mode changes too
    }
    Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
    try {
      try (FileChannel channel = EvidenceFile.openToWrite(path, notSource, StandardOpenOption.WRITE)) {
        action.run(channel);
        channel.force(true);
      }
    } finally {
      WriteOnce.seal(path);
    }
  }

  private static void writeFully(FileChannel channel, byte[] bytes, long position) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    channel.force(true);
  }

  @FunctionalInterface
  private interface ChannelAction {
    void run(FileChannel channel) throws IOException;
  }
}
