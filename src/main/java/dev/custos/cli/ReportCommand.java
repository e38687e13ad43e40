package dev.custos.cli;

import picocli.CommandLine.Command;

/** {@code report}: rendering, verification and custody commands over an evidence directory. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reports, verification and chain of custody of an evidence directory.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:done; what was checked verifies",
        "1:the evidence does not verify, the acquisition is incomplete, the custody log is broken, or (with a trust"
            + " anchor) a signer is not trusted",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE},
    subcommands = {KeygenCommand.class, RenderCommand.class, CustodyCommand.class, NoteCommand.class, TransferCommand.class, ReceiveCommand.class, VerifyCommand.class})
final class ReportCommand {}
