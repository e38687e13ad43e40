package dev.custos.error;

/**
 * Evidence could not be read for verification (an image file gives read errors, a directory cannot
 * be listed): an I/O failure, not a finding about the evidence.
 */
public final class EvidenceReadException extends CustosException {
  private static final long serialVersionUID = 1L;

  public EvidenceReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
