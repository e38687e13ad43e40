package dev.custos.cli;

import dev.custos.crypto.TimestampAuthority;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogHead;
import dev.custos.error.SigningException;
import dev.custos.error.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * An RFC 3161 token over a log head, for the event appended right after that head ({@code
 * report transfer --tsa}, {@code report receive --tsa}): the event's {@link LogEvent.HeadTimestamp}.
 * Stateless.
 */
final class HeadTimestamp {
  private HeadTimestamp() {}

  /**
   * A token from {@code authority} over the head of {@code directory}'s log as it is now, or null
   * when no authority is given. Fetched before the append lock is taken, so that the network is
   * never waited on under it; {@link #requireStillHead} then checks that the head is still the one stamped.
   *
   * @throws UsageException if the log cannot be read or holds no event
   * @throws SigningException if the authority does not answer or refuses
   */
  static LogEvent.HeadTimestamp fetch(Path directory, TimestampAuthority authority) throws UsageException, SigningException {
    if (authority == null) {
      return null;
    }
    CustodyVerdict verdict = CustodyLog.check(directory);
    if (verdict.head() == null) {
      throw new UsageException("the custody log of " + directory + " holds no event: there is no head to timestamp");
    }
    String head = LogHead.of(verdict.head()).toString();
    byte[] token = authority.timestamp(head.getBytes(StandardCharsets.US_ASCII));
    return new LogEvent.HeadTimestamp(head, Base64.getEncoder().encodeToString(token));
  }

  /**
   * Checks that {@code verdict}'s head is still the one {@code stamp} is over.
   *
   * @throws UsageException if another event was appended since the token was fetched
   */
  static void requireStillHead(LogEvent.HeadTimestamp stamp, CustodyVerdict verdict) throws UsageException {
    String now = verdict.head() == null ? "none" : LogHead.of(verdict.head()).toString();
    if (!now.equals(stamp.head())) {
      throw new UsageException("nothing recorded: the log grew while its head " + stamp.head() + " was timestamped (the head is now "
          + now + "); run the command again");
    }
  }
}
