package dev.custos.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustosException;
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
    CustodyRecorder recorder = CustodyAppends.signedRecorder(signing, "report transfer");
    ObjectNode data = CustodyRecorder.newData();
    data.put("from", recorder.actor().name());
    data.put("to", CustodyAppends.text("--to", to));
    data.put("reason", reason == null ? null : CustodyAppends.text("--reason", reason));
    data.put("location", location == null ? null : CustodyAppends.text("--location", location));
    CustodyEvent event = recorder.appendToIntactLog(directory, "transfer", data);
    CustodyAppends.printRecorded(event, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
