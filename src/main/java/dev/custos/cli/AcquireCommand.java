package dev.custos.cli;

import picocli.CommandLine.Command;

/** {@code acquire}: devices, image, demo. */
@Command(
    name = "acquire",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Identify drives, acquire sector-exact images with parallel digests, resume an interrupted acquisition.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
        "0:done",
        "1:failed: the source changed while it was read, or the custody log is broken; or a --verify-image or"
            + " --verify-source check does not match",
        ExitCodes.HELP_USAGE,
        ExitCodes.HELP_IO_FAILURE,
        ExitCodes.HELP_INTERRUPTED},
    subcommands = {DevicesCommand.class, ImageCommand.class, ResumeCommand.class, DemoCommand.class})
final class AcquireCommand {}
