package dev.custos.custody;

import dev.custos.crypto.TrustAnchors;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
    return check(directory, TrustAnchors.none());
  }

  /**
   * As {@link #check(Path)}, judging every signature against {@code anchors} ({@link
   * CustodyVerdict#signatures()}).
   *
   * @throws UsageException as {@link #check(Path)}
   */
  public static CustodyVerdict check(Path directory, TrustAnchors anchors) throws UsageException {
    Path log = directory.resolve(EvidenceDirectory.CUSTODY_LOG);
    if (Files.isSymbolicLink(log)) {
      throw new UsageException(log + " is a symbolic link; Custos checks the log in the evidence directory and follows no"
          + " link out of it");
    }
    byte[] bytes;
    try {
      bytes = readNoLink(log);
    } catch (NoSuchFileException e) {
      throw new UsageException("no custody log: " + log + " does not exist", e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + log + ": " + e.getMessage(), e);
    }
    return check(directory, bytes, anchors);
  }

  /**
   * The bytes of {@code file}, opened without following a symbolic link (a link fails to open).
   *
   * @throws IOException if it cannot be read, or is a link
   */
  static byte[] readNoLink(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      return in.readAllBytes();
    }
  }

  /**
   * Checks {@code log}, bytes of {@code directory}'s custody log read by the caller (so that what is
   * checked is exactly what the caller goes on to use), against the directory's certificates.
   */
  public static CustodyVerdict check(Path directory, byte[] log) {
    return check(directory, log, TrustAnchors.none());
  }

  /** As {@link #check(Path, byte[])}, judging every signature against {@code anchors}. */
  public static CustodyVerdict check(Path directory, byte[] log, TrustAnchors anchors) {
    return ChainCheck.check(LogLines.of(log), SignerCertificates.in(directory), anchors);
  }
}
