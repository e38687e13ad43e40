package dev.custos.custody;

import dev.custos.crypto.TrustAnchors;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import dev.custos.io.ReadLimit;
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
    } catch (NotEvidenceFileException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + log + ": " + e.getMessage(), e);
    }
    return check(directory, bytes, anchors);
  }

  /**
   * Refuses to append to {@code directory}'s custody log unless the log and its lock file are each
   * absent or a regular file with one name: an append to a log with a second name (a hard link
   * from outside the directory) would write outside it, and an open of a FIFO would wait forever.
   * Commands call it before anything is written (a report rendered, say).
   *
   * @throws UsageException naming the file and what it is
   */
  public static void requireAppendable(Path directory) throws UsageException {
    for (String name : new String[] {EvidenceDirectory.CUSTODY_LOG, EvidenceDirectory.LOCK}) {
      Path file = directory.resolve(name);
      try {
        EvidenceFile.requireSingleName(file);
      } catch (NotEvidenceFileException e) {
        throw new UsageException(e.getMessage(), e);
      } catch (IOException e) {
        throw new UsageException("cannot examine " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The bytes of the custody log {@code file}, read by the evidence-file rule ({@link EvidenceFile}):
   * a regular file, no link followed, at most {@link ReadLimit#CUSTODY_LOG}.
   *
   * @throws NotEvidenceFileException if it is a link, not a regular file, or too large
   * @throws IOException if it cannot be read
   */
  static byte[] readNoLink(Path file) throws IOException {
    return EvidenceFile.read(file, ReadLimit.CUSTODY_LOG);
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
