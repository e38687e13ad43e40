package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What {@code --help} says: every command in a parent's list with a whole sentence, and every
 * command's exit codes, listed alike. Read from the help as printed, walking the real command tree.
 */
class HelpTextTest {
  private static CommandLine tree() {
    return CustosCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  /** Every command under the root, the root included. */
  private static List<CommandLine> all(CommandLine command) {
    List<CommandLine> commands = new ArrayList<>(List.of(command));
    for (CommandLine sub : command.getSubcommands().values()) {
      commands.addAll(all(sub));
    }
    return commands;
  }

  /** The entries of the "Commands:" list of {@code parent}'s help, by name, each summary on one line. */
  private static Map<String, String> summaries(CommandLine parent) {
    String help = parent.getUsageMessage(CommandLine.Help.Ansi.OFF);
    String list = help.substring(help.indexOf("Commands:\n") + "Commands:\n".length());
    list = list.contains("\n\n") ? list.substring(0, list.indexOf("\n\n")) : list;
    Map<String, String> summaries = new java.util.LinkedHashMap<>();
    String name = null;
    for (String line : list.lines().toList()) {
      Matcher entry = Pattern.compile("^  (\\S+)\\s+(.*)$").matcher(line);
      if (entry.matches()) {
        name = entry.group(1);
        summaries.put(name, entry.group(2).strip());
      } else if (name != null) {
        summaries.merge(name, line.strip(), (a, b) -> a + " " + b);
      }
    }
    return summaries;
  }

  @Test
  void everyParentsCommandList_summaryIsOneWholeSentence() {
    for (CommandLine parent : all(tree())) {
      if (parent.getSubcommands().isEmpty()) {
        continue;
      }
      Map<String, String> summaries = summaries(parent);
      assertThat(summaries.keySet()).as(parent.getCommandName()).containsExactlyElementsOf(parent.getSubcommands().keySet());
      summaries.forEach((name, summary) -> {
        String first = parent.getSubcommands().get(name).getCommandSpec().usageMessage().description()[0];
        assertThat(summary).as("%s %s", parent.getCommandSpec().qualifiedName(), name)
            .isEqualTo(first)
            .endsWith(".")
            .doesNotEndWith(":")
            .matches("[A-Z].*")
            .hasSizeLessThan(120);
      });
    }
  }

  @Test
  void everyCommandsHelp_listsExitCodes0To3_withTheSameLinesFor2And3() {
    for (CommandLine command : all(tree())) {
      String name = command.getCommandSpec().qualifiedName();
      Map<String, String> codes = command.getCommandSpec().usageMessage().exitCodeList();
      String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);

      assertThat(help).as(name).contains("\nExit codes:\n");
      assertThat(codes).as(name).containsKey("0")
          .containsEntry("2", "usage or input error, or a refusal; nothing was written")
          .containsEntry("3", "I/O failure (a disk, the source, a file); what was written is kept");
      assertThat(String.join(" ", command.getCommandSpec().usageMessage().description())).as(name)
          .doesNotContainPattern("(?i)\\bexit (0|codes?)\\b");
    }
  }

  @Test
  void commandsThatCanReturnOneOrBeStopped_listIt() {
    CommandLine tree = tree();
    for (String path : List.of("acquire image", "acquire resume", "acquire demo", "report verify", "report custody",
        "report render", "report note", "report transfer", "report receive")) {
      CommandLine command = tree;
      for (String part : path.split(" ")) {
        command = command.getSubcommands().get(part);
      }
      assertThat(command.getCommandSpec().usageMessage().exitCodeList()).as(path).containsKey("1");
    }
    for (String acquisition : List.of("image", "resume", "demo")) {
      assertThat(tree.getSubcommands().get("acquire").getSubcommands().get(acquisition).getCommandSpec().usageMessage()
          .exitCodeList().get("130")).as(acquisition).contains("143").contains("SIGTERM");
    }
    assertThat(tree.getSubcommands().get("report").getSubcommands().get("verify").getCommandSpec().usageMessage()
        .exitCodeList().get("1")).contains("INCOMPLETE");
  }

  @Test
  void usageLine_withoutALauncher_namesCustos() {
    CommandLine image = tree().getSubcommands().get("acquire").getSubcommands().get("image");

    assertThat(image.getUsageMessage(CommandLine.Help.Ansi.OFF)).startsWith("Usage: custos acquire image [-hV]");
  }

  @Test
  void usageLine_typedThroughALauncher_namesItAndWrapsUnderTheFirstOption() {
    CommandLine tree = tree();
    TypedNameHelp.install(tree, "acquire", "./acquire");

    String image = tree.getSubcommands().get("acquire").getSubcommands().get("image").getUsageMessage(CommandLine.Help.Ansi.OFF);
    String report = tree.getSubcommands().get("report").getSubcommands().get("verify").getUsageMessage(CommandLine.Help.Ansi.OFF);

    List<String> lines = image.lines().toList();
    assertThat(lines.get(0)).startsWith("Usage: ./acquire image [-hV] [--debug]");
    assertThat(lines.get(1)).startsWith(" ".repeat("Usage: ./acquire image ".length()) + "[");
    assertThat(lines.subList(0, 5)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    assertThat(report).as("the other launcher's commands keep their name").startsWith("Usage: custos report verify");
  }
}
