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
   * a single quote inside as {@code '\''}, an empty word as {@code ''}, a word with a control
   * character in bash's {@code $'…'} ({@link #quote}). Pasted into a shell (bash) in the
   * working directory, it runs the same command.
   */
  public String shellQuoted() {
    return commandLine.stream().map(Invocation::quote).collect(Collectors.joining(" "));
  }

  /**
   * {@code word} as one shell word. A word holding a control character (a newline, a tab, ESC) or a
   * bidirectional control is written in bash's ANSI-C quotes, {@code $'line1\nline2'}: on one line,
   * with nothing a terminal obeys, and never alike with a word that holds a backslash and an n.
   */
  public static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    if (word.chars().noneMatch(Invocation::control)) {
      return "'" + word.replace("'", "'\\''") + "'";
    }
    StringBuilder quoted = new StringBuilder("$'");
    word.codePoints().forEach(c -> {
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '\'' -> quoted.append("\\'");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (control(c)) {
            // Its UTF-8 bytes, \xHH each: bash reads those alike in every locale (its \\u does not).
            for (byte b : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
              quoted.append(String.format(java.util.Locale.ROOT, "\\x%02X", b & 0xff));
            }
          } else {
            quoted.appendCodePoint(c);
          }
        }
      }
    });
    return quoted.append('\'').toString();
  }

  /** A control character, or a bidirectional embedding, override or isolate: what a terminal or a reader is steered by. */
  private static boolean control(int c) {
    return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }
}
