package dev.custos.cli;

import picocli.CommandLine.Command;

/** {@code acquire}: devices, image, demo. */
@Command(
    name = "acquire",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Identify drives, acquire sector-exact images with parallel digests, resume an interrupted acquisition.",
    subcommands = {DevicesCommand.class, ImageCommand.class, ResumeCommand.class, DemoCommand.class})
final class AcquireCommand {}
