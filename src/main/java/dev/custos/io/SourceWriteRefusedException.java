package dev.custos.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file Custos was about to write in an evidence directory that is the source being acquired
 * ({@link SourceFileKey}). Not an I/O failure but a refusal, so callers map it to a usage error
 * and, above all, remove nothing: the name refused may be the source's only one. The message is
 * one line naming both paths.
 */
public final class SourceWriteRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final transient Path source;

  SourceWriteRefusedException(Path file, Path source, String message) {
    super(message);
    this.file = file;
    this.source = source;
  }

  /** The file Custos would have written. */
  public Path file() {
    return file;
  }

  /** The source it is. */
  public Path source() {
    return source;
  }
}
