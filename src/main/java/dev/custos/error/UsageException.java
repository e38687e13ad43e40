package dev.custos.error;

/** Bad input, or a refusal to start: nothing has been written. The message is one line for the examiner. */
public final class UsageException extends CustosException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
