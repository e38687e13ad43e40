package dev.custos.cli;

import dev.custos.crypto.Signer;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report render DIR [--key FILE]}: (re)render and sign the acquisition report. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Render the acquisition report of DIR, sign it with --key and record it in the custody log.",
        "The report is PDF/A-3b with acquisition.json and custody.jsonl embedded, signed (PAdES) with --key. A new file"
            + " each time: report.pdf, then report-2.pdf, …; an existing report is never overwritten. Without a key the"
            + " report is UNSIGNED and says so.",
        "The PDF is written to a temporary name, recorded, then linked into place: a render stopped midway (kill, full"
            + " disk) leaves nothing verify calls foreign, and the next render puts a recorded but unplaced report in place.",
        "A key, or a logged event, under another root than the log's first signer's is refused unless --trust names it."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:rendered and recorded", ExitCodes.HELP_LOG_BROKEN, ExitCodes.HELP_USAGE, ExitCodes.HELP_IO_FAILURE})
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;
  @Mixin SignedAppendOptions log;

  @Option(names = "--tsa", paramLabel = "URL",
      description = "RFC 3161 timestamp authority that stamps the signature (PAdES-BASELINE-T). If it does not answer, no report is written.")
  String tsa;

  @Override
  public Integer call() throws CustosException {
    Path root = EvidenceDirectory.existing(log.directory);
    Signer signer = log.signing.signer();
    if (signer == null && tsa != null) {
      throw new UsageException("--tsa timestamps a signature: give --key too");
    }
    Environment environment = Environment.of(spec);
    Reports.render(environment, root, signer, Reports.authority(tsa),
        environment.recorder(signer).acceptingSignersTrustedBy(log.trust.anchors()), spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
