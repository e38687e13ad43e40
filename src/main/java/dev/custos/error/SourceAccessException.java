package dev.custos.error;

/** The source failed while being read (it vanished, or every read fails), beyond what bad-sector handling covers. */
public final class SourceAccessException extends CustosException {
  private static final long serialVersionUID = 1L;

  public SourceAccessException(String message) {
    super(message, null);
  }

  public SourceAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
