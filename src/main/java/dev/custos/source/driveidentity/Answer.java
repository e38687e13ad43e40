package dev.custos.source.driveidentity;

import java.util.Objects;
import java.util.Optional;

/**
 * What one transcript comes to: the facts it gives, or why it gives none. Immutable.
 *
 * @param facts what it says; {@link DriveFacts#NONE} when not available
 * @param notAvailable why it says nothing of the drive, in one line; empty when it answered
 */
public record Answer(DriveFacts facts, Optional<String> notAvailable) {
  public Answer {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(notAvailable, "notAvailable");
  }

  static Answer of(DriveFacts facts) {
    return new Answer(facts, Optional.empty());
  }

  static Answer notAvailable(String why) {
    return new Answer(DriveFacts.NONE, Optional.of(why));
  }

  /**
   * What {@code output} of {@code query} comes to.
   */
  public static Answer of(DriveQuery query, QueryOutput output) {
    if (output.failure().isPresent()) {
      return notAvailable(output.failure().get());
    }
    int exit = output.exitCode().orElseThrow();
    byte[] stdout = output.stdout();
    String stderrLine = output.firstStderrLine().map(line -> ": " + line).orElse("");
    switch (query) {
      case SMARTCTL:
        return SmartctlJson.read(stdout, exit, stderrLine);
      case HDPARM_IDENTIFY:
        if (exit != 0) {
          return notAvailable("failed with exit " + exit + stderrLine);
        }
        return HdparmIdentify.read(new String(stdout, java.nio.charset.StandardCharsets.UTF_8), stderrLine);
      default:
        if (exit != 0) {
          return notAvailable("failed with exit " + exit + stderrLine);
        }
        return NvmeJson.read(query, stdout);
    }
  }
}
