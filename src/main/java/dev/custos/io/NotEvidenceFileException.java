package dev.custos.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file Custos refused to read or append to, for what it is rather than for an I/O error: not a
 * regular file (a FIFO, a device, a socket, a directory), larger than its {@link ReadLimit},
 * replaced while being opened, or (before an append) known by more than one name. The message is
 * one line naming the file and the rule.
 */
public final class NotEvidenceFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  NotEvidenceFileException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** The file refused. */
  public Path file() {
    return file;
  }
}
