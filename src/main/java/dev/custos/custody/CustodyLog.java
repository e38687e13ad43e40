package dev.custos.custody;

import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading and checking the custody log of an evidence directory. Stateless. */
public final class CustodyLog {
  private CustodyLog() {}

  /**
   * Reads {@code custody.jsonl} of {@code directory} and checks the whole chain and every
   * signature against the directory's certificates.
   *
   * @throws UsageException if the directory has no custody log or it cannot be read (the message
   *     names the file)
   */
  public static CustodyVerdict check(Path directory) throws UsageException {
    Path log = directory.resolve(EvidenceDirectory.CUSTODY_LOG);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(log);
    } catch (NoSuchFileException e) {
      throw new UsageException("no custody log: " + log + " does not exist", e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + log + ": " + e.getMessage(), e);
    }
    return check(directory, bytes);
  }

  /**
   * Checks {@code log}, bytes of {@code directory}'s custody log read by the caller (so that what is
   * checked is exactly what the caller goes on to use), against the directory's certificates.
   */
  public static CustodyVerdict check(Path directory, byte[] log) {
    return ChainCheck.check(LogLines.of(log), SignerCertificates.in(directory));
  }
}
