package dev.custos.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyVerdict;
import dev.custos.custody.Finding;
import dev.custos.custody.Holding;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.JsonText;
import java.nio.file.Path;
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
    description = {"Print the chain of custody of an evidence directory (time, who, what, key facts) and check it:",
        "every line an event, the hash chain unbroken, every signature valid with the certificates in the directory.",
        "Exit 0 when intact, 1 when broken (each break named by its line), 2 for bad input."})
final class CustodyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", paramLabel = "DIR", description = "The evidence directory.")
  Path directory;

  @Option(names = "--json", description = "Print the events, the findings and the verdict as JSON.")
  boolean json;

  @Override
  public Integer call() throws UsageException {
    Path root = EvidenceDirectory.existing(directory);
    CustodyVerdict verdict = CustodyLog.check(root);
    if (json) {
      spec.commandLine().getOut().print(JsonText.of(toJson(verdict)));
      spec.commandLine().getOut().flush();
    } else {
      CustodyTable.print(verdict, root.resolve(EvidenceDirectory.CUSTODY_LOG).toString(), spec.commandLine().getOut());
    }
    return verdict.intact() ? ExitCodes.OK : ExitCodes.DOES_NOT_VERIFY;
  }

  private ObjectNode toJson(CustodyVerdict verdict) {
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
    ArrayNode events = root.putArray("events");
    for (CustodyEvent event : verdict.events()) {
      events.add(event.toTree());
    }
    return root;
  }
}
