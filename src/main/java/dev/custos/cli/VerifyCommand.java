package dev.custos.cli;

import dev.custos.crypto.Signer;
import dev.custos.crypto.TrustAnchors;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.LogHead;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.JsonText;
import dev.custos.verify.Verification;
import dev.custos.verify.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report verify DIR} and {@code report verify IMAGE --md5 HEX …}: prove nothing changed, or name what did. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Re-verify an evidence directory, or an image another tool acquired.",
        "For a directory: the manifest; the image files and their sizes; the image re-hashed in one read (whole and piece"
            + " digests); the custody log; every report's signature and embedded files; with --verify-source, the source."
            + " Every difference is named: file, piece, byte range, LBAs, segment. Who signed is judged against --trust /"
            + " --trust-fingerprint / $CUSTOS_TRUST: TRUSTED, or only SELF-ASSERTED without an anchor. With --key the"
            + " outcome is appended to the custody log as a signed verification event (with --record-unsigned, as an"
            + " UNSIGNED one); without either nothing is written.",
        "",
        "For an image another tool acquired: report verify IMAGE --md5 HEX or --hashes FILE. A split set is found from"
            + " its first segment (.001, .000, .aa). An E01 set (IMAGE.E01, from ewfacquire, FTK Imager, Guymager, EnCase) is"
            + " found from its first segment and checked against the MD5 and SHA-1 it stores, and any digest given; every"
            + " chunk is checked and a damaged one named. Nothing is appended anywhere then.",
        "",
        "An acquisition that did not read its whole source (interrupted, failed, or ended without a word) is INCOMPLETE,"
            + " never VERIFIED, however well the bytes it did acquire verify; a completed acquisition without its report"
            + " does not verify either (report render DIR makes it)."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:all verifies",
        "1:something does not, the acquisition is INCOMPLETE, or (with an anchor) a signer is not trusted",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", paramLabel = "DIR|IMAGE", description = "An evidence directory, or an image file (the first segment of a split set).")
  Path target;

  @Option(names = "--json", description = "Print the result as JSON (evidence-schema/verification.schema.json).")
  boolean json;

  @Mixin SigningKeyOptions signing;

  @Option(names = "--no-record", description = "Do not append the verification event (e.g. verifying a read-only copy).")
  boolean noRecord;

  @Mixin TrustOptions trust;

  @Option(names = "--tsa-trust", paramLabel = "FILE.pem",
      description = "A trust anchor for timestamp authorities (their CA or certificate, PEM). Repeatable.")
  List<Path> tsaTrust = new ArrayList<>();

  @Option(names = "--record-unsigned",
      description = "Without --key, append the verification event anyway, UNSIGNED (by default a check without a key writes nothing).")
  boolean recordUnsigned;

  @Option(names = "--verify-source", paramLabel = "DEVICE", description = "Re-read the source (read-only, write-blocked) and compare its digests.")
  Path verifySource;

  @Mixin WriteBlockOptions writeBlock;

  @Mixin ExpectedDigestOptions expected;

  @Option(names = "--head", paramLabel = "SEQ:HASH",
      description = {"A log head kept from report transfer or report receive (repeatable): the custody check",
          "fails if the log no longer reaches it (cut back) or holds another event at SEQ (rewritten)."})
  List<String> heads = new ArrayList<>();

  @Override
  public Integer call() throws CustosException, InterruptedException {
    if (json) {
      EvidenceSchema.VERIFICATION.prepareInBackground();
    }
    if (!Files.exists(target)) {
      throw new UsageException(target + " does not exist");
    }
    if (!Files.isDirectory(target)) {
      if (!trust.files.isEmpty() || !trust.fingerprints.isEmpty() || !tsaTrust.isEmpty()) {
        throw new UsageException("--trust, --trust-fingerprint and --tsa-trust judge who signed an evidence directory; " + target
            + " is an image file, which nobody signed");
      }
      if (signing.key != null || verifySource != null) {
        throw new UsageException("--key and --verify-source are for an evidence directory; " + target
            + " is an image file, verified against the digests given and recorded nowhere");
      }
      if (!heads.isEmpty()) {
        throw new UsageException("--head is for an evidence directory's custody log; " + target + " is an image file");
      }
      return ImageVerificationRunner.run(Environment.of(spec), target, expected, json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    List<LogHead> keptHeads = keptHeads();
    if (expected.given()) {
      throw new UsageException("--md5, --sha1, --sha256, --sha512 and --hashes are for an image file; " + target
          + " is a directory, verified against its own manifest");
    }
    if (noRecord && signing.key != null) {
      throw new UsageException("--no-record and --key contradict each other: the key signs the record");
    }
    if (recordUnsigned && (noRecord || signing.key != null)) {
      throw new UsageException("--record-unsigned records an unsigned event: it goes with neither --key nor --no-record");
    }
    TrustAnchors anchors = trust.anchors();
    TrustAnchors authorities = trust.authorities(tsaTrust);
    Signer signer = noRecord || recordUnsigned ? null : signing.signer();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Environment environment = Environment.of(spec);
    Verification verification = environment.verification();
    Verification.SourceRequest source = verifySource == null ? null
        : new Verification.SourceRequest(verifySource, writeBlock.setReadOnly, writeBlock.blocker());
    VerificationResult result = verification.verify(target, source, new ConsoleProgress(err, System.console() != null), anchors,
        authorities, keptHeads);
    CustodyEvent recorded = null;
    String notRecorded = null;
    if (noRecord) {
      notRecorded = "--no-record";
    } else if (signer == null && !recordUnsigned) {
      notRecorded = "no --key: a check without a key writes nothing; to record it in the custody log, sign it with --key FILE"
          + " (or --record-unsigned for an UNSIGNED event)";
    } else {
      try {
        recorded = Verification.record(result, environment.recorder(signer).acceptingSignersTrustedBy(anchors));
      } catch (CustodyBrokenException e) {
        notRecorded = "the custody log is broken: no event is appended to it";
      } catch (EvidenceWriteException | UsageException e) {
        notRecorded = "cannot append to the custody log: " + ExitCodes.oneLine(e);
        err.println("report verify: the verification is not recorded: " + ExitCodes.oneLine(e));
        err.flush();
      }
    }
    if (json) {
      out.print(JsonText.of(VerificationJson.of(result, "evidence-directory", recorded, notRecorded)));
    } else {
      VerificationTable.print(result, "everything is as recorded", out);
      out.println(recorded == null ? "Not recorded: " + notRecorded
          : "Recorded as custody event seq " + recorded.seq() + " (" + (recorded.signed() ? "signed by " + recorded.actor().name()
              : "UNSIGNED: no --key") + ", hash " + recorded.hash() + ")");
    }
    out.flush();
    return result.verified() ? ExitCodes.OK : ExitCodes.DOES_NOT_VERIFY;
  }

  private List<LogHead> keptHeads() throws UsageException {
    List<LogHead> kept = new ArrayList<>();
    for (String head : heads) {
      try {
        kept.add(LogHead.parse(head));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--head: " + e.getMessage(), e);
      }
    }
    return kept;
  }
}
