package dev.custos.source;

import java.io.IOException;
import java.util.Objects;

/** A failed system call of the native sector reader, with the error the system gave. */
final class OsErrorException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Not serialised: this exception never leaves the process. */
  private final transient OsError error;

  OsErrorException(OsError error) {
    super(error.text());
    this.error = Objects.requireNonNull(error, "error");
  }

  OsError error() {
    return error;
  }
}
