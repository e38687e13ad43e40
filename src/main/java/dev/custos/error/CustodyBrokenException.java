package dev.custos.error;

/** The custody log is broken where an append would build on it; nothing was appended. */
public final class CustodyBrokenException extends CustosException {
  private static final long serialVersionUID = 1L;

  public CustodyBrokenException(String message) {
    super(message, null);
  }
}
