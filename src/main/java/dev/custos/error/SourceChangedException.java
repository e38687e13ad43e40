package dev.custos.error;

/**
 * The source changed while it was read (a file written, grown or replaced; a drive's size or
 * identity changed): the image holds bytes of no single state of it. The acquisition ends {@code
 * failed}; what was read is kept and recorded. Evidence that does not verify, not an I/O failure.
 */
public final class SourceChangedException extends CustosException {
  private static final long serialVersionUID = 1L;

  public SourceChangedException(String message) {
    super(message, null);
  }

  public SourceChangedException(String message, Throwable cause) {
    super(message, cause);
  }
}
