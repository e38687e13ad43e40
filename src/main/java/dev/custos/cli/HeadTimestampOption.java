package dev.custos.cli;

import dev.custos.custody.LogEvent;
import dev.custos.error.CustosException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --tsa URL} of the hand-over commands: an RFC 3161 token over the log head an event is appended to. */
final class HeadTimestampOption {
  @Option(names = "--tsa", paramLabel = "URL",
      description = {"RFC 3161 timestamp authority: the event carries its token over the log head it is appended to,",
          "so the time by which the log up to that head existed is proven, not just claimed."})
  String tsa;

  /** The token over {@code root}'s log head, or null without {@code --tsa}. */
  LogEvent.HeadTimestamp fetch(Path root) throws CustosException {
    return HeadTimestamp.fetch(root, Reports.authority(tsa));
  }
}
