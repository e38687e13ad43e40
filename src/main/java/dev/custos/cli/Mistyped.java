package dev.custos.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The line for a word the command did not know: {@code no command 'imgae'; did you mean 'image'?}.
 * picocli's own suggestions rank by letter pairs and offer {@code --hardware-write-blocker} for
 * {@code --hahs}; an examiner wants only the nearest names, so they are ranked here by edits (a
 * swap of two neighbours is one edit: {@code imgae}, {@code hahs}).
 */
final class Mistyped {
  private Mistyped() {}

  /**
   * What to say of the first word of {@code failure} that is not a command or option: {@code empty}
   * when it is neither (an extra argument), so picocli's own message stands.
   */
  static Optional<String> line(UnmatchedArgumentException failure) {
    List<String> unmatched = failure.getUnmatched();
    if (unmatched.isEmpty()) {
      return Optional.empty();
    }
    CommandLine command = failure.getCommandLine();
    String word = unmatched.get(0);
    if (word.startsWith("-")) {
      String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      return Optional.of("unknown option '" + TerminalText.escape(option) + "'" + nearest(option, optionNames(command)));
    }
    if (command.getSubcommands().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("no command '" + TerminalText.escape(word) + "'" + nearest(word, commandNames(command)));
  }

  /** {@code ; did you mean 'a'?}, {@code ; did you mean 'a' or 'b'?}, or nothing when no name is near. */
  private static String nearest(String typed, List<String> names) {
    // Within a third of the word: catches a swap or a dropped letter, not an unrelated name.
    int limit = Math.max(1, typed.replaceFirst("^-+", "").length() / 3);
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String name : names) {
      int distance = distance(typed.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
      if (distance > limit || distance > best) {
        continue;
      }
      if (distance < best) {
        best = distance;
        nearest.clear();
      }
      nearest.add(name);
    }
    if (nearest.isEmpty()) {
      return "";
    }
    return "; did you mean '" + String.join("' or '", nearest) + "'?";
  }

  private static List<String> optionNames(CommandLine command) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (!option.hidden()) {
        names.add(option.longestName());
      }
    }
    return names;
  }

  private static List<String> commandNames(CommandLine command) {
    List<String> names = new ArrayList<>();
    command.getSubcommands().forEach((name, sub) -> {
      if (!sub.getCommandSpec().usageMessage().hidden() && !names.contains(sub.getCommandName())) {
        names.add(sub.getCommandName());
      }
    });
    return names;
  }

  /** Edits from {@code a} to {@code b}: insertions, deletions, substitutions, swaps of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
