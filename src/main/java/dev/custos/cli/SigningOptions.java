package dev.custos.cli;

import dev.custos.crypto.Signer;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.error.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --key FILE [--password-file FILE] | --unsigned, [--tsa URL]}: how an acquisition ({@code
 * acquire image}, {@code acquire resume}) signs its custody log and its report. Use as {@code @Mixin
 * SigningOptions signing;} and call {@link #resolve} before anything is read or written.
 */
final class SigningOptions extends SigningKeyOptions {
  @Option(names = "--unsigned",
      description = "Record the custody log without signatures (no --key): every later report and check says so.")
  boolean unsigned;

  @Option(names = "--tsa", paramLabel = "URL",
      description = "RFC 3161 timestamp authority that stamps the report's signature (PAdES-BASELINE-T).")
  String tsa;

  /** What the options chose: the examiner's key, null for an unsigned log; the timestamp authority, or null. */
  record Signing(Signer signer, TimestampAuthority authority) {}

  /**
   * The examiner's key and the timestamp authority, the key loaded now.
   *
   * @param command the command as typed ({@code acquire image}), for the refusal without a key
   * @throws UsageException if {@code --unsigned} comes with {@code --key}, no key is named and no
   *     {@code --unsigned} given, the key is refused, {@code --tsa} is not an http(s) URL, or
   *     {@code --tsa} comes without a key
   */
  Signing resolve(String command) throws UsageException {
    Signer signer = signer(command);
    TimestampAuthority authority = Reports.authority(tsa);
    if (signer == null && authority != null) {
      throw new UsageException("--tsa timestamps the report's signature: it needs --key, not --unsigned");
    }
    return new Signing(signer, authority);
  }

  private Signer signer(String command) throws UsageException {
    if (unsigned) {
      if (key != null) {
        throw new UsageException("--unsigned and --key contradict each other: give one");
      }
      return null;
    }
    Signer signer = signer();
    if (signer == null) {
      throw new UsageException(command + " signs the custody log with the examiner's key: give --key FILE or set $"
          + KEY_VARIABLE + " (make a key with: report keygen --name \"Your Name\" --out you.p12),"
          + " or give --unsigned to record an unsigned log");
    }
    return signer;
  }
}
