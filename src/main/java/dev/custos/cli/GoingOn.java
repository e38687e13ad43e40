package dev.custos.cli;

import dev.custos.evidence.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last line of an acquisition that did not complete: the command that goes on, with the
 * options it needs again (the key that signed the log, the write block of the source), or why no
 * command does. Immutable.
 */
final class GoingOn {
  /** What {@code acquire demo} says: its identity was thrown away, so it starts again instead. */
  static final GoingOn DEMO = new GoingOn(null);

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  /** The options after {@code acquire resume DIR}, quoted for a shell; null when no resume is offered. */
  private final List<String> options;

  private GoingOn(List<String> options) {
    this.options = options;
  }

  /**
   * {@code acquire resume} with the options this acquisition was given that a resumption needs:
   * the signing key (and password file) and the timestamp authority of a signed one; the write block.
   */
  static GoingOn resume(SigningOptions signing, SigningOptions.Signing signed, WriteBlockOptions writeBlock) {
    List<String> options = new ArrayList<>();
    // An unsigned acquisition resumes unsigned without being told: only a signed one needs its key again.
    if (signed.signer() != null) {
      options.add("--key");
      options.add(quoted(signing.keyFile().toAbsolutePath().normalize().toString()));
      if (signing.passwordFile != null) {
        options.add("--password-file");
        options.add(quoted(signing.passwordFile.toAbsolutePath().normalize().toString()));
      }
      if (signing.tsa != null) {
        options.add("--tsa");
        options.add(quoted(signing.tsa));
      }
    }
    if (writeBlock.setReadOnly) {
      options.add("--set-readonly");
    }
    if (writeBlock.hardwareWriteBlocker != null) {
      options.add("--hardware-write-blocker");
      options.add(quoted(writeBlock.hardwareWriteBlocker));
    }
    return new GoingOn(List.copyOf(options));
  }

  /** The line after the summary of {@code manifest}, an acquisition into {@code directory} that did not complete. */
  String line(Manifest manifest, Path directory) {
    String reason = manifest.outcome().reason();
    if (manifest.parameters().layout().isE01()) {
      return Summary.line("to go on", "an E01 acquisition cannot be resumed: acquire again into a new directory");
    }
    if (reason != null && reason.startsWith("source changed")) {
      return Summary.line("to go on", "the source changed while it was read: acquire again into a new directory");
    }
    if (options == null) {
      return Summary.line("to go on", "the demo's identity is gone: run acquire demo again");
    }
    String command = "acquire resume " + quoted(directory.toAbsolutePath().normalize().toString())
        + (options.isEmpty() ? "" : " " + String.join(" ", options));
    return Summary.line("to go on", TerminalText.escape(command)
        + (manifest.outcome().status() == Manifest.Status.FAILED ? "  (once the cause is removed)" : ""));
  }

  /** {@code word} as a shell reads it back: as it is when plain, else in single quotes. */
  static String quoted(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
