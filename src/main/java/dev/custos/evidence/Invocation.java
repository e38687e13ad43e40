package dev.custos.evidence;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one run of an acquisition was asked for: the command line as typed, the directory it was
 * typed in, and the evidence directory it wrote to, as the file system resolves it. Immutable.
 *
 * <p>Nothing secret is on a command line by design: passwords come from a prompt, a variable or a
 * file ({@code --password-file} names the file, never its content). The command line edge masks
 * the one secret an argument may still carry, a URL's password ({@code https://user:***@host}).
 *
 * @param commandLine the program, as the examiner called it ({@code ./acquire}, or {@code acquire}
 *     when run as {@code java -jar custos.jar acquire}), then every argument as given
 * @param workingDirectory the absolute working directory of the process
 * @param destination the evidence directory's absolute path with every symbolic link resolved
 *     (the real path); null until the directory exists
 */
public record Invocation(List<String> commandLine, String workingDirectory, String destination) {
  /** Words a POSIX shell takes as they are; any other is single-quoted. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  public Invocation {
    commandLine = List.copyOf(commandLine);
    if (commandLine.isEmpty()) {
      throw new IllegalArgumentException("a command line holds at least the program");
    }
    Objects.requireNonNull(workingDirectory, "workingDirectory");
  }

  /** This run, writing to {@code realPath}. */
  public Invocation writingTo(String realPath) {
    return new Invocation(commandLine, workingDirectory, Objects.requireNonNull(realPath, "realPath"));
  }

  /**
   * The command line as a POSIX shell reads it back: each word that is not plain in single quotes,
   * a single quote inside as {@code '\''}, an empty word as {@code ''}. Pasted into a shell in the
   * working directory, it runs the same command.
   */
  public String shellQuoted() {
    return commandLine.stream().map(Invocation::quote).collect(Collectors.joining(" "));
  }

  /** {@code word} as one shell word. */
  public static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
