package dev.custos.cli;

import picocli.CommandLine.Command;

/** {@code acquire}: devices, image, demo. */
@Command(
    name = "acquire",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Identify drives and acquire sector-exact images with parallel digests.",
    subcommands = {DevicesCommand.class, ImageCommand.class, DemoCommand.class})
final class AcquireCommand {}
