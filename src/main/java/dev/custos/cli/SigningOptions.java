package dev.custos.cli;

import dev.custos.acquire.AcquisitionSigner;
import dev.custos.crypto.Signer;
import dev.custos.crypto.SignerFingerprints;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.UsageException;
import java.nio.file.Path;
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

  /**
   * For {@code acquire resume}: the signing of the interrupted acquisition in {@code directory}
   * ({@link AcquisitionSigner}), which its resumption keeps; the options are checked before the
   * custody log is read. An unsigned one goes on unsigned ({@code --unsigned} is accepted, not
   * needed); a signed one only with the key that signed its start, so that the log never reads as
   * one signer's when part of it is another's, or unsigned.
   *
   * @param directory the evidence directory, as typed
   * @throws UsageException if {@code --unsigned} comes with {@code --key}, {@code --tsa} is not an
   *     http(s) URL; for an unsigned acquisition, if a key is named or {@code --tsa} given; for a
   *     signed one, if {@code --unsigned} is given, no key is named, the key is refused, or it is
   *     not the key that signed the acquisition's start; or as {@link AcquisitionSigner#of}
   * @throws CustodyBrokenException as {@link AcquisitionSigner#of}
   */
  Signing resolveResumption(Path directory) throws UsageException, CustodyBrokenException {
    if (unsigned && key != null) {
      throw new UsageException("--unsigned and --key contradict each other: give one");
    }
    TimestampAuthority authority = Reports.authority(tsa);
    if (unsigned && authority != null) {
      throw new UsageException("--tsa timestamps the report's signature: it needs --key, not --unsigned");
    }
    AcquisitionSigner recorded = AcquisitionSigner.of(directory);
    String acquisition = "the interrupted acquisition in " + directory;
    if (!recorded.signed()) {
      if (!unsigned && keyFile() != null) {
        throw new UsageException(acquisition + " was recorded unsigned (custody event seq " + recorded.startedSeq() + "): it goes on"
            + " unsigned, so that no part of it reads as signed by a key that did not record its start; "
            + (key != null ? "leave out --key" : "give --unsigned to resume it without $" + KEY_VARIABLE));
      }
      if (authority != null) {
        throw new UsageException("--tsa timestamps the report's signature: " + acquisition + " was recorded unsigned and goes on"
            + " unsigned");
      }
      return new Signing(null, null);
    }
    String signedBy = acquisition + " was signed by " + recorded.describe();
    if (unsigned) {
      throw new UsageException(signedBy + ": resuming it unsigned would leave its log partly unsigned; give that key with --key"
          + " FILE instead of --unsigned");
    }
    Signer signer = signer();
    if (signer == null) {
      throw new UsageException(signedBy + ": its resumption is signed by the same key; give it with --key FILE or $"
          + KEY_VARIABLE);
    }
    if (!recorded.certificateSha256().orElseThrow().equals(signer.certificateSha256())) {
      throw new UsageException(signedBy + ", but " + keyFile() + " holds " + SignerFingerprints.of(signer.certificateChain()).subject()
          + " (certificate SHA-256 " + signer.certificateSha256() + "): an acquisition's log is signed by one key from start to"
          + " end, so a court reads it as that examiner's; resume it with the key that began it");
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
