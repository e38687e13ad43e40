package dev.custos.cli;

import picocli.CommandLine.Option;

/**
 * How a source device is kept from being written, for every command that reads one: {@code
 * acquire image}, {@code acquire resume}, {@code report verify --verify-source}. Without either, a
 * device is read only when its kernel read-only flag is set already. Use as {@code @Mixin
 * WriteBlockOptions writeBlock;}.
 */
final class WriteBlockOptions {
  @Option(names = "--set-readonly", description = "Set the device's kernel read-only flag (blockdev --setro) and check it took.")
  boolean setReadOnly;

  @Option(names = "--hardware-write-blocker", paramLabel = "MODEL",
      description = "Declare the hardware write blocker the drive is attached through; recorded.")
  String hardwareWriteBlocker;
}
