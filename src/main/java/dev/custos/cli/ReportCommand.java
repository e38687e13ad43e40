package dev.custos.cli;

import picocli.CommandLine.Command;

/** {@code report}: rendering, verification and custody commands over an evidence directory. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Reports, verification and chain of custody of an evidence directory.",
    subcommands = {KeygenCommand.class, RenderCommand.class, CustodyCommand.class, NoteCommand.class, TransferCommand.class, ReceiveCommand.class, VerifyCommand.class})
final class ReportCommand {}
