package dev.custos.error;

/** A signature could not be completed: a timestamp authority that does not answer, or answers wrongly. */
public final class SigningException extends CustosException {
  private static final long serialVersionUID = 1L;

  public SigningException(String message) {
    super(message, null);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
