package dev.custos.error;

/** Evidence could not be written: a full disk, a write error, a file that already exists. */
public final class EvidenceWriteException extends CustosException {
  private static final long serialVersionUID = 1L;

  public EvidenceWriteException(String message) {
    super(message, null);
  }

  public EvidenceWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
