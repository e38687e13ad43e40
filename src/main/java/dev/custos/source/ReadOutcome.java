package dev.custos.source;

import java.io.IOException;
import java.util.Objects;

/**
 * What one read of a {@link BlockSource} gave: every byte asked for, fewer because the source
 * ended, or a failure of a given kind.
 */
public sealed interface ReadOutcome {
  /** Bytes read: as many as asked, or fewer for {@link Ended}; none for {@link Failed}. */
  int bytes();

  /** Every byte asked for was read. */
  record Read(int bytes) implements ReadOutcome {
    public Read {
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes read must not be negative, got " + bytes);
      }
    }
  }

  /** The source ended after {@code bytes} of the bytes asked for (a short read). */
  record Ended(int bytes) implements ReadOutcome {
    public Ended {
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes read must not be negative, got " + bytes);
      }
    }
  }

  /**
   * The read failed.
   *
   * @param kind what the failure says about the source
   * @param cause the error as the operating system gave it (its message is the errno's text)
   */
  record Failed(FailureKind kind, IOException cause) implements ReadOutcome {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public int bytes() {
      return 0;
    }

    /** The operating system's message, e.g. {@code Input/output error}. */
    public String message() {
      return String.valueOf(cause.getMessage());
    }

    /** The error as the system gave it: its errno name where the read knew it, else from the message. */
    public OsError error() {
      return cause instanceof OsErrorException known ? known.error() : OsError.fromMessage(cause.getMessage());
    }
  }

  /** What a failed read says about the source. */
  enum FailureKind {
    /**
     * The range could not be read ({@code EIO} and anything not known to mean more): bad sectors,
     * or a drive that answers nothing any more, which only further reads can tell apart.
     */
    IO_ERROR,
    /**
     * The device or the file system serving it is gone ({@code ENODEV}, {@code ENXIO}, {@code
     * ENOMEDIUM}, {@code ENOTCONN}, {@code ESTALE}): retrying cannot help.
     */
    GONE;

    /** The kind of a failure that gave {@code error}. */
    static FailureKind of(OsError error) {
      // ENODEV, ENXIO: the device was removed or detached; ENOMEDIUM: the medium was taken out;
      // ENOTCONN and ESTALE: the file system serving an image file is gone.
      return error.meansGone() ? GONE : IO_ERROR;
    }
  }

  /** {@link Read} when {@code read} is all of {@code asked}, else {@link Ended}. */
  static ReadOutcome of(int read, int asked) {
    return read < asked ? new Ended(read) : new Read(read);
  }

  /** The failure {@code e}, of the kind its message names. */
  static Failed failed(IOException e) {
    OsError error = e instanceof OsErrorException known ? known.error() : OsError.fromMessage(e.getMessage());
    return new Failed(FailureKind.of(error), e);
  }
}
