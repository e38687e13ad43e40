package dev.custos.cli;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.Holding;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.error.CustosException;
import dev.custos.evidence.EvidenceDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report receive DIR --key FILE [--location …] [--note …]}: the recipient of the pending
 * hand-over acknowledges it with their signature, and holds the evidence from then on.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
    description = {"Acknowledge the pending hand-over of the evidence in DIR, signed by its recipient (--key).",
        "The key must be that of the certificate the transfer named or, when it named none, one whose certificate "
            + "names the recipient exactly. The signer then holds the evidence. The log must be intact.",
        "A recipient in another lab names that lab's CA with --trust (their key must chain to it).",
        "Prints the log head (SEQ:HASH) after the event, to keep."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:recorded", ExitCodes.HELP_LOG_BROKEN, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO_FAILURE})
final class ReceiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin SignedAppendOptions log;
  @Mixin HeadTimestampOption timestamp;

  @Option(names = "--location", paramLabel = "TEXT", description = "Where the evidence is received.")
  String location;

  @Option(names = "--note", paramLabel = "TEXT", description = "What the recipient found (seals, condition).")
  String note;

  @Override
  public Integer call() throws CustosException {
    Path root = EvidenceDirectory.existing(log.directory);
    String where = location == null ? null : CustodyAppends.text("--location", location, 4096);
    String remark = note == null ? null : CustodyAppends.text("--note", note, 16384);
    CustodyEvent event = HandOverAppend.append(root, log, timestamp, "report receive", LogEvent.RECEIPT, Holding::receiptRefusal,
        (holding, signer, stamp) -> {
          Holding.HandOver pending = holding.pending();
          return LogEventJson.receipt(new LogEvent.Receipt(pending.transfer().seq(), pending.transfer().hash(), pending.from().name(),
              where, remark, stamp));
        });
    PrintWriter out = spec.commandLine().getOut();
    CustodyAppends.printRecorded(event, out);
    out.println("Received: " + TerminalText.escape(event.actor().name()) + " holds the evidence from seq " + event.seq()
        + " (certificate SHA-256 " + event.actor().certificateSha256() + ")");
    CustodyAppends.printHead(event, out);
    return ExitCodes.OK;
  }
}
