package dev.custos.custody;

import java.util.Objects;

/**
 * What the custody events about the evidence's holders and the log itself record, as {@link
 * LogEventJson} reads them back: {@code transfer}, {@code receipt}, {@code note}, {@code
 * log-repaired}, {@code report-rendered}, and the {@code headTimestamp} a hand-over may carry.
 * Immutable.
 *
 * <p>The schema makes the members named "required" there present, but types only some of them, and
 * {@code report custody} prints the events of an edited (re-signed) log too: so a member of the
 * wrong type (a number where a name belongs) reads as null, and each reader of these records says
 * what an absent value means to it. Nothing is guessed.
 */
public final class LogEvent {
  /** A hand-over, signed by the holder. */
  public static final String TRANSFER = "transfer";
  /** Its acknowledgement, signed by the recipient. */
  public static final String RECEIPT = "receipt";
  /** An examiner's note. */
  public static final String NOTE = "note";
  /** A torn last line set aside before an append. */
  public static final String LOG_REPAIRED = "log-repaired";
  /** A report placed in the evidence directory. */
  public static final String REPORT_RENDERED = "report-rendered";

  private LogEvent() {}

  /**
   * An RFC 3161 token over a log head, carried by the event appended right after that head.
   *
   * @param head {@code SEQ:HASH} of the head stamped, or null
   * @param token the token, base64 DER, or null; its message imprint is the SHA-256 of {@code head} in ASCII
   */
  public record HeadTimestamp(String head, String token) {}

  /**
   * {@code transfer}.
   *
   * @param from who hands over, by name
   * @param to the recipient's name, as the sender gave it (null when not a string)
   * @param toCertificateSha256 the recipient's certificate, when the sender named it; else null
   * @param reason why, or null
   * @param location where, or null
   * @param headTimestamp the token over the head it was appended to, or null
   */
  public record Transfer(String from, String to, String toCertificateSha256, String reason, String location,
      HeadTimestamp headTimestamp) {}

  /**
   * {@code receipt}.
   *
   * @param transferSeq the seq of the transfer acknowledged, or null
   * @param transferHash that transfer's hash, or null
   * @param from who handed over, by name
   * @param location where, or null
   * @param note what the recipient found, or null
   * @param headTimestamp the token over the head it was appended to, or null
   */
  public record Receipt(Long transferSeq, String transferHash, String from, String location, String note,
      HeadTimestamp headTimestamp) {
    public Receipt {
      if (transferSeq != null && transferSeq < 0) {
        throw new IllegalArgumentException("a receipt acknowledges a transfer by its seq, never negative: " + transferSeq);
      }
    }
  }

  /** {@code note}: the note's text, or null when not a string. */
  public record Note(String text) {}

  /**
   * {@code log-repaired}, as {@link TornLine#describe} writes it.
   *
   * @param tornBytes how many bytes were set aside, or null
   * @param tornSha256 their SHA-256, or null
   * @param setAsideAs the file they were moved to, relative to the evidence directory, or null
   * @param afterSeq seq of the last whole event before them (-1 when none), or null
   */
  public record LogRepaired(Long tornBytes, String tornSha256, String setAsideAs, Long afterSeq) {}

  /**
   * {@code report-rendered}.
   *
   * @param file the report's file name, or null
   * @param sha256 lowercase hex SHA-256 of the file, or null
   * @param sizeBytes the file's size, or null
   * @param signed whether it was signed, or null
   * @param headSeq the seq of the log head the report embeds and prints, -1 for an empty log; or null
   * @param headHash that head's hash, or null
   */
  public record ReportRendered(String file, String sha256, Long sizeBytes, Boolean signed, Long headSeq, String headHash) {

    /** The same facts for the report named {@code name}. */
    public ReportRendered named(String name) {
      return new ReportRendered(Objects.requireNonNull(name, "name"), sha256, sizeBytes, signed, headSeq, headHash);
    }
  }
}
