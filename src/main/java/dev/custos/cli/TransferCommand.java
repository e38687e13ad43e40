package dev.custos.cli;

import dev.custos.crypto.Certificates;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.Holding;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report transfer DIR --to NAME [--to-certificate FILE | --to-fingerprint HEX] [--reason …]
 * [--location …] --key FILE}: a hand-over, signed by the current holder ({@link Holding}), pending
 * until the recipient signs {@code report receive}.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
    description = {"Record a hand-over of the evidence in DIR's custody log, signed by the current holder (--key).",
        "The holder is the acquiring examiner, then whoever last received it. The hand-over is pending until the "
            + "recipient signs report receive; until then nobody can hand the evidence over again. The log must be intact.",
        "Prints the log head (SEQ:HASH) after the event: keep it; report verify --head SEQ:HASH finds a log "
            + "cut back or rewritten since."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:recorded", ExitCodes.HELP_LOG_BROKEN, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO_FAILURE})
final class TransferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin SignedAppendOptions log;
  @Mixin HeadTimestampOption timestamp;

  @Option(names = "--to", required = true, paramLabel = "NAME",
      description = "Who receives the evidence: the name in their certificate, exactly.")
  String to;

  @Option(names = "--to-certificate", paramLabel = "FILE",
      description = {"The recipient's certificate (PEM): only the key of this very certificate can receive.",
          "Without it or --to-fingerprint, any key whose certificate names NAME can."})
  Path toCertificate;

  @Option(names = "--to-fingerprint", paramLabel = "HEX",
      description = "The SHA-256 of the recipient's certificate, instead of --to-certificate.")
  String toFingerprint;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is handed over.")
  String reason;

  @Option(names = "--location", paramLabel = "TEXT", description = "Where the hand-over takes place.")
  String location;

  @Override
  public Integer call() throws CustosException {
    Path root = EvidenceDirectory.existing(log.directory);
    String receiver = CustodyAppends.line("--to", to, 256);
    String fingerprint = recipientFingerprint(receiver);
    String why = reason == null ? null : CustodyAppends.text("--reason", reason, 4096);
    String where = location == null ? null : CustodyAppends.text("--location", location, 4096);
    CustodyEvent event = HandOverAppend.append(root, log, timestamp, "report transfer", LogEvent.TRANSFER, Holding::transferRefusal,
        (holding, signer, stamp) -> LogEventJson.transfer(new LogEvent.Transfer(signer.name(), receiver, fingerprint, why, where, stamp)));
    PrintWriter out = spec.commandLine().getOut();
    CustodyAppends.printRecorded(event, out);
    out.println("Pending until " + TerminalText.escape(receiver) + " signs: report receive " + TerminalText.escape(root.toString())
        + " --key THEIR-KEY" + (fingerprint == null
            ? " (no certificate named: any key whose certificate names " + TerminalText.escape(receiver) + " can receive)"
            : " (only the certificate SHA-256 " + fingerprint + ")"));
    CustodyAppends.printHead(event, out);
    return ExitCodes.OK;
  }

  /** The fingerprint of the certificate --to-certificate or --to-fingerprint names, or null. */
  private String recipientFingerprint(String receiver) throws UsageException {
    if (toCertificate != null && toFingerprint != null) {
      throw new UsageException("--to-certificate and --to-fingerprint both name the recipient's certificate: give one");
    }
    if (toFingerprint != null) {
      String hex = toFingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
      if (!hex.matches("[0-9a-f]{64}")) {
        throw new UsageException("--to-fingerprint must be the certificate's SHA-256, 64 hex digits (colons allowed), got '"
            + toFingerprint + "'");
      }
      return hex;
    }
    if (toCertificate == null) {
      return null;
    }
    X509Certificate certificate;
    try {
      certificate = Certificates.readPem(toCertificate).get(0);
    } catch (IOException | CertificateException e) {
      throw new UsageException("--to-certificate " + toCertificate + " is not a readable PEM certificate: " + e.getMessage(), e);
    }
    String name = Certificates.commonName(certificate);
    if (!name.equals(receiver)) {
      throw new UsageException("--to names " + receiver + ", but the certificate " + toCertificate + " is "
          + name + "'s: name the recipient exactly as their certificate does");
    }
    return Certificates.sha256(certificate);
  }
}
