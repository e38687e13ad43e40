package dev.custos.cli;

import dev.custos.crypto.Signer;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.LogHead;
import dev.custos.error.UsageException;
import dev.custos.evidence.TimeDisplay;
import dev.custos.evidence.TextField;
import java.io.PrintWriter;

/** What the commands that append custody events ({@code note}, {@code transfer}, {@code render}, {@code verify}) share. */
final class CustodyAppends {
  private CustodyAppends() {}

  /**
   * A recorder signing with the key of {@code signing}.
   *
   * @throws UsageException if no key is named, or it cannot be loaded
   */
  static CustodyRecorder signedRecorder(SigningKeyOptions signing, String command) throws UsageException {
    Signer signer = signing.signer();
    if (signer == null) {
      throw new UsageException(command + " records a signed event: name your key with --key FILE or $"
          + SigningKeyOptions.KEY_VARIABLE + " (make one with report keygen --name NAME --out FILE)");
    }
    return Environment.of(signing.mixee).recorder(signer);
  }

  /**
   * {@code value} as given, if it is fit for the record: not blank, at most {@code maxLength} characters,
   * no control characters but line feeds and tabs, no bidirectional controls ({@link
   * dev.custos.evidence.TextField}).
   *
   * @throws UsageException naming {@code option} otherwise
   */
  static String text(String option, String value, int maxLength) throws UsageException {
    try {
      dev.custos.evidence.TextField.require(option, value, maxLength, true);
      return value;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * {@code value} stripped, if it is fit for a single-line field of the record (a name): as {@link
   * #text}, and no line breaks, tabs or invisible format characters either.
   *
   * @throws UsageException naming {@code option} otherwise
   */
  static String line(String option, String value, int maxLength) throws UsageException {
    try {
      return TextField.require(option, value, maxLength, false);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /** The log head after {@code event}, {@code SEQ:HASH}, for the parties to keep in their own records. */
  static void printHead(CustodyEvent event, PrintWriter out) {
    String head = LogHead.of(event).toString();
    out.println("Log head: " + head);
    out.println("  Keep it in your own records: report verify DIR --head " + head
        + " fails if the log is later cut back before it or rewritten.");
    out.flush();
  }

  static void printRecorded(CustodyEvent event, PrintWriter out) {
    out.println("Recorded " + event.type() + " as seq " + event.seq() + " by " + TerminalText.escape(event.actor().name())
        + (event.signed() ? " (certificate SHA-256 " + event.actor().certificateSha256() + ")" : "") + " at " + TimeDisplay.workstation().of(event.time()) + " (hash " + event.hash() + ")");
    out.flush();
  }
}
