package dev.custos.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.crypto.Trust;
import dev.custos.crypto.TrustAnchors;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.EventSignature;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.Finding;
import dev.custos.custody.Holding;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.JsonText;
import dev.custos.verify.SignatureTrust;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report custody DIR [--json]}: the custody timeline and the verdict on its chain. */
@Command(name = "custody", mixinStandardHelpOptions = true,
    description = {"Print the chain of custody of an evidence directory and check it.",
        "Each event with its time, who, what and key facts; checked: every line an event, the hash chain unbroken,"
            + " every signature valid with the certificates in the directory.",
        "Who signed is judged against --trust / --trust-fingerprint / $CUSTOS_TRUST (TRUSTED), else SELF-ASSERTED."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:intact",
        "1:broken (each break named by its line); or the last line is torn (INTACT up to seq N, then a torn last line:"
            + " a crash or a cut end of the log, which only a kept head tells apart); or, with a trust anchor, an event"
            + " is not TRUSTED",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE})
final class CustodyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", paramLabel = "DIR", description = "The evidence directory.")
  Path directory;

  @Option(names = "--json", description = "Print the events, the findings and the verdict as JSON.")
  boolean json;

  @Mixin TrustOptions trust;

  @Override
  public Integer call() throws UsageException {
    Path root = EvidenceDirectory.existing(directory);
    TrustAnchors anchors = trust.anchors();
    CustodyVerdict verdict = CustodyLog.check(root, anchors);
    boolean trusted = !anchors.configured() || verdict.untrusted().isEmpty();
    if (json) {
      spec.commandLine().getOut().print(JsonText.of(toJson(verdict, anchors)));
      spec.commandLine().getOut().flush();
    } else {
      CustodyTable.print(verdict, root.resolve(EvidenceDirectory.CUSTODY_LOG).toString(), spec.commandLine().getOut());
      printTrust(verdict, anchors, spec.commandLine().getOut());
    }
    boolean torn = verdict.findings().stream().anyMatch(finding -> finding.kind() == Finding.Kind.TORN_LAST_LINE);
    return verdict.intact() && !torn && trusted ? ExitCodes.OK : ExitCodes.DOES_NOT_VERIFY;
  }

  /** Who signed, with fingerprints, and the trust verdict on the whole log. */
  static void printTrust(CustodyVerdict verdict, TrustAnchors anchors, PrintWriter out) {
    List<SignatureTrust> signatures = signatures(verdict);
    SignerList.print(signatures, out);
    List<EventSignature> untrusted = verdict.untrusted();
    long signed = verdict.signatures().stream().filter(signature -> signature.trust().level() != Trust.Level.UNSIGNED).count();
    if (!anchors.configured()) {
      if (signed > 0) {
        out.println("Trust: SELF-ASSERTED: no trust anchor given (--trust LAB-CA.pem, --trust-fingerprint, $"
            + TrustOptions.STORE_VARIABLE + "); the signatures chain only to roots the evidence directory supplies");
      }
    } else if (untrusted.isEmpty()) {
      out.println("Trust: TRUSTED: every event is signed by a certificate that chains to a trust anchor at its signing time");
    } else {
      out.println("Trust: NOT TRUSTED: " + untrusted.size() + " of " + verdict.signatures().size() + " events");
      for (EventSignature signature : untrusted) {
        out.println("  line " + signature.line() + ": " + TerminalText.escape(signature.actor()) + " is " + signature.trust().level().label()
            + ": " + TerminalText.escape(signature.trust().reason()));
      }
    }
    out.flush();
  }

  private static List<SignatureTrust> signatures(CustodyVerdict verdict) {
    List<SignatureTrust> signatures = new ArrayList<>();
    for (EventSignature event : verdict.signatures()) {
      signatures.add(new SignatureTrust(EvidenceDirectory.CUSTODY_LOG, event.where(), event.actor(), event.fingerprints(), event.trust()));
    }
    return signatures;
  }

  private ObjectNode toJson(CustodyVerdict verdict, TrustAnchors anchors) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("log", directory.toAbsolutePath().normalize().resolve(EvidenceDirectory.CUSTODY_LOG).toString());
    root.put("intact", verdict.intact());
    root.put("eventCount", verdict.events().size());
    root.put("unsignedEvents", verdict.unsignedEvents());
    if (verdict.head() == null) {
      root.putNull("head");
    } else {
      root.putObject("head").put("seq", verdict.head().seq()).put("hash", verdict.head().hash());
    }
    root.set("holding", HoldingLines.json(Holding.of(verdict.events())));
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : verdict.findings()) {
      findings.addObject()
          .put("line", finding.line())
          .put("kind", finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .put("breaksChain", finding.kind().breaksChain())
          .put("message", finding.message());
    }
    root.put("trustAnchorsGiven", anchors.configured());
    root.put("trusted", anchors.configured() && verdict.untrusted().isEmpty());
    ArrayNode signatures = root.putArray("signatures");
    for (EventSignature signature : verdict.signatures()) {
      signatures.addObject()
          .put("line", signature.line())
          .put("seq", signature.seq())
          .put("signer", signature.actor())
          .put("trust", signature.trust().level().id())
          .put("reason", signature.trust().reason())
          .put("anchorSha256", signature.trust().anchorSha256())
          .set("certificate", VerificationJson.certificate(signature.fingerprints()));
    }
    ArrayNode events = root.putArray("events");
    for (CustodyEvent event : verdict.events()) {
      events.add(event.toTree());
    }
    return root;
  }
}
