package dev.custos.error;

/** A failure Custos reports to the examiner as one line; see the subclasses for the kinds. */
public abstract sealed class CustosException extends Exception
    permits UsageException, SourceAccessException, EvidenceWriteException, CustodyBrokenException,
        SigningException, EvidenceReadException, SourceChangedException {
  private static final long serialVersionUID = 1L;

  CustosException(String message, Throwable cause) {
    super(message, cause);
  }
}
