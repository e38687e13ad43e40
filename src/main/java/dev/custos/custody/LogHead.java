package dev.custos.custody;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in a custody log that someone kept: the sequence number of an event and its hash,
 * written {@code SEQ:HASH}. {@code report transfer} and {@code report receive} print the head after
 * their event for the parties to keep in their own records; a log that later no longer holds an
 * event {@code SEQ} with hash {@code HASH} was cut back or rewritten since ({@link #check}).
 * Because every event holds the hash of the one before, an intact log that reaches the head holds
 * every event up to it exactly as it was. Immutable.
 *
 * @param seq the event's sequence number, 0 or more
 * @param hash the event's hash, 64 lowercase hex digits
 */
public record LogHead(long seq, String hash) {
  private static final Pattern TEXT = Pattern.compile("([0-9]{1,18}):([0-9a-fA-F ]{64,})");

  /** @throws IllegalArgumentException for a negative seq or a hash that is not 64 lowercase hex digits */
  public LogHead {
    if (seq < 0) {
      throw new IllegalArgumentException("a log head's seq must be 0 or more, got " + seq);
    }
    Objects.requireNonNull(hash, "hash");
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a log head's hash must be 64 lowercase hex digits, got '" + hash + "'");
    }
  }

  /** The head of {@code event}. */
  public static LogHead of(CustodyEvent event) {
    return new LogHead(event.seq(), event.hash());
  }

  /**
   * The head written {@code SEQ:HASH} (hex in either case; spaces in the hash, as the report
   * groups it, are allowed).
   *
   * @throws IllegalArgumentException naming the text, if it is not of that form
   */
  public static LogHead parse(String text) {
    Matcher matcher = TEXT.matcher(text == null ? "" : text.strip());
    if (!matcher.matches() || matcher.group(2).replace(" ", "").length() != 64) {
      throw new IllegalArgumentException("a log head is SEQ:HASH (the sequence number, a colon, the event's 64-digit"
          + " SHA-256), as report transfer and report receive print it; got '" + text + "'");
    }
    return new LogHead(Long.parseLong(matcher.group(1)), matcher.group(2).replace(" ", "").toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * What is wrong with {@code verdict}'s log against this kept head: null when the log holds the
   * event {@code seq} with this hash, else one sentence saying whether the log ends before the head
   * (cut back) or holds another event there (rewritten). Whether the chain itself is intact is the
   * verdict's own finding.
   */
  public String check(CustodyVerdict verdict) {
    CustodyEvent atSeq = null;
    long last = -1;
    for (CustodyEvent event : verdict.events()) {
      last = Math.max(last, event.seq());
      if (event.seq() == seq && atSeq == null) {
        atSeq = event;
      }
    }
    if (atSeq == null) {
      return "the log does not reach the kept head " + this + ": it ends "
          + (last < 0 ? "with no event" : "at seq " + last) + ", so events up to seq " + seq
          + " were cut off since that head was kept";
    }
    if (!atSeq.hash().equals(hash)) {
      return "the log diverges from the kept head " + this + ": its event seq " + seq + " has hash " + atSeq.hash()
          + ", so the log was rewritten since that head was kept";
    }
    return null;
  }

  /** {@code SEQ:HASH}. */
  @Override
  public String toString() {
    return seq + ":" + hash;
  }
}
