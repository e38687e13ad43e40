package dev.custos.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: print the stack trace of a failure after its one line. */
final class DebugOption {
  @Option(names = "--debug", description = "On failure, print the stack trace after the message.")
  boolean debug;
}
