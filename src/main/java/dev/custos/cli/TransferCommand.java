package dev.custos.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustosException;
import dev.custos.evidence.EvidenceDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report transfer DIR --to NAME [--reason …] [--location …] --key FILE}: a hand-over, signed by the current holder. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
    description = {"Record a hand-over of the evidence in DIR's custody log, signed by the current holder (--key).",
        "The log must be intact."})
final class TransferCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin SigningKeyOptions signing;
  @Mixin TrustOptions trust;

  @Parameters(index = "0", paramLabel = "DIR", description = "The evidence directory.")
  Path directory;

  @Option(names = "--to", required = true, paramLabel = "NAME", description = "Who receives the evidence.")
  String to;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is handed over.")
  String reason;

  @Option(names = "--location", paramLabel = "TEXT", description = "Where the hand-over takes place.")
  String location;

  @Override
  public Integer call() throws CustosException {
    Path root = EvidenceDirectory.existing(directory);
    String receiver = CustodyAppends.text("--to", to, 256);
    String why = reason == null ? null : CustodyAppends.text("--reason", reason, 4096);
    String where = location == null ? null : CustodyAppends.text("--location", location, 4096);
    CustodyRecorder recorder = CustodyAppends.signedRecorder(signing, "report transfer").acceptingSignersTrustedBy(trust.anchors());
    ObjectNode data = CustodyRecorder.newData();
    data.put("from", recorder.actor().name());
    data.put("to", receiver);
    data.put("reason", why);
    data.put("location", where);
    CustodyEvent event = recorder.appendToIntactLog(root, "transfer", data);
    CustodyAppends.printRecorded(event, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
