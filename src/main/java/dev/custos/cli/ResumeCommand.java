package dev.custos.cli;

import dev.custos.acquire.ResumeRequest;
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

/** {@code acquire resume DIR}: continue an interrupted acquisition. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Continue the interrupted acquisition in DIR.",
        "Whatever stopped it (Ctrl-C, SIGTERM, kill -9, a power cut, a full disk, a lost source), it continues with the"
            + " parameters its custody log records. The image on disk is re-hashed against the recorded piece digests;"
            + " the source, which must be the same drive, is read from the first piece not in the image or not matching."
            + " Ends with the image and digests an uninterrupted acquisition would have.",
        "It is recorded as it began: an unsigned acquisition goes on unsigned (no --unsigned needed, and no --key taken);"
            + " a signed one only with the key that signed its start (--key), never unsigned nor with another key, so that"
            + " its log reads as one signer's from start to end."},
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:completed",
        "1:failed: the source changed during acquisition; or the custody log is broken: nothing is appended to it",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE,
        ExitCodes.HELP_INTERRUPTED})
final class ResumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DebugOption debug;

  @Parameters(index = "0", paramLabel = "DIR", description = "Evidence directory of the interrupted acquisition.")
  Path directory;

  @Option(names = "--source", paramLabel = "PATH",
      description = "Where the source is now, if not at its recorded path (a drive attached again under another name).")
  Path source;

  @Mixin WriteBlockOptions writeBlock;

  @Mixin SigningOptions signing;

  @Override
  public Integer call() throws CustosException, InterruptedException {
    SigningOptions.Signing signed = signing.resolveResumption(directory);
    Environment environment = Environment.of(spec);
    if (signed.signer() == null) {
      spec.commandLine().getOut().println("The interrupted acquisition was recorded unsigned: continuing unsigned.");
    }
    CustodyRecorder recorder = environment.recorder(signed.signer());
    ResumeRequest request = new ResumeRequest(directory, source, writeBlock.setReadOnly, writeBlock.blocker());
    return AcquisitionRunner.run(environment, environment.invocation(spec), (acquisition, listener, stop) -> acquisition.resume(request, listener, stop),
        directory, signed, recorder, GoingOn.resume(signing, signed, writeBlock), spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
