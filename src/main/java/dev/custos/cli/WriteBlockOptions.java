package dev.custos.cli;

import dev.custos.error.UsageException;
import dev.custos.evidence.TextField;
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

  /**
   * The declared write blocker, trimmed, or {@code null}.
   *
   * @throws UsageException if it holds control characters or is too long
   */
  String blocker() throws UsageException {
    try {
      return TextField.optional("--hardware-write-blocker", hardwareWriteBlocker, 256, false);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }
}
