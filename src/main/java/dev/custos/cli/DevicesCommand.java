package dev.custos.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code acquire devices [--json]}: lists block devices. */
@Command(name = "devices", mixinStandardHelpOptions = true,
    description = "List block devices: path, vendor, model, serial, size, sector sizes, flags, mounts, HPA/DCO.")
final class DevicesCommand implements Callable<Integer> {
  @Mixin DebugOption debug;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet");
  }
}
