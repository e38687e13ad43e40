package dev.custos.cli;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.error.CustosException;
import dev.custos.evidence.EvidenceDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report note DIR TEXT --key FILE}: an examiner's signed note in the custody log. */
@Command(name = "note", mixinStandardHelpOptions = true,
    description = {"Append an examiner's note to the custody log of DIR, signed with --key.",
        "The log must be intact. A key whose certificate does not chain to the root of the log's first signer is refused,"
            + " unless --trust names its CA."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:recorded", ExitCodes.HELP_LOG_BROKEN, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO_FAILURE})
final class NoteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin SignedAppendOptions log;

  @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
  String text;

  @Override
  public Integer call() throws CustosException {
    Path root = EvidenceDirectory.existing(log.directory);
    String note = CustodyAppends.text("TEXT", text, 16384);
    CustodyRecorder recorder = CustodyAppends.signedRecorder(log.signing, "report note").acceptingSignersTrustedBy(log.trust.anchors());
    CustodyEvent event = recorder.appendToIntactLog(root, LogEvent.NOTE, LogEventJson.note(new LogEvent.Note(note)));
    CustodyAppends.printRecorded(event, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
