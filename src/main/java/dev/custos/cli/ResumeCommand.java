package dev.custos.cli;

import dev.custos.acquire.ResumeRequest;
import dev.custos.crypto.Signer;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.custody.CustodyRecorder;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code acquire resume DIR}: continue an interrupted acquisition. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Continue the interrupted acquisition in DIR (Ctrl-C, SIGTERM, kill -9, a",
        "power cut, a full disk, a lost source) with the parameters its custody log",
        "records. The image on disk is re-hashed against the recorded piece digests;",
        "the source, which must be the same drive, is read from the first piece not",
        "in the image or not matching. Ends with the image and digests an",
        "uninterrupted acquisition would have."})
final class ResumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", paramLabel = "DIR", description = "Evidence directory of the interrupted acquisition.")
  Path directory;

  @Option(names = "--source", paramLabel = "PATH",
      description = "Where the source is now, if not at its recorded path (a drive attached again under another name).")
  Path source;

  @Mixin WriteBlockOptions writeBlock;

  @Mixin SigningKeyOptions signing;

  @Option(names = "--unsigned", description = "Record the custody events without signatures (no --key).")
  boolean unsigned;

  @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 timestamp authority that stamps the report's signature.")
  String tsa;

  @Override
  public Integer call() throws CustosException, InterruptedException {
    Signer signer = ImageCommand.signer(signing, unsigned, "acquire resume");
    TimestampAuthority authority = Reports.authority(tsa);
    if (signer == null && authority != null) {
      throw new UsageException("--tsa timestamps the report's signature: it needs --key, not --unsigned");
    }
    HostInfo host = HostInfo.current();
    CustodyRecorder recorder = signer != null
        ? CustodyRecorder.signed(signer, host, ToolInfo.current(), EvidenceClock.system())
        : CustodyRecorder.unsigned(host.user(), host, ToolInfo.current(), EvidenceClock.system());
    ResumeRequest request = new ResumeRequest(directory, source, writeBlock.setReadOnly, writeBlock.blocker());
    return AcquisitionRunner.run((acquisition, listener, stop) -> acquisition.resume(request, listener, stop), directory,
        signer, authority, recorder, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
