package dev.custos.verify;

import java.util.Objects;

/**
 * One thing a check found that is not as recorded.
 *
 * @param file the file it is in, relative to the evidence directory (e.g. {@code image.002},
 *     {@code custody.jsonl}), or null when it concerns no single file
 * @param message what differs and where, one line, in words an examiner reads
 */
public record Problem(String file, String message) {
  public Problem {
    Objects.requireNonNull(message, "message");
  }

  /** The problem on one line, the file first unless the message already begins with it. */
  public String line() {
    return file == null || message.startsWith(file) ? message : file + ": " + message;
  }
}
