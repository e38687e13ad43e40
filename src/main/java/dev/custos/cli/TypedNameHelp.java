package dev.custos.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help whose usage line names a command as the examiner types it through a launcher: {@code
 * ./acquire image …} rather than {@code custos acquire image …}. The launchers {@code ./acquire} and
 * {@code ./report} pass the name they were called by ({@code -Dcustos.program}, see {@link Main});
 * without it, and for the commands of the other launcher, the name stays {@code custos …}.
 */
final class TypedNameHelp extends Help {
  private final String launcher;
  private final String program;

  private TypedNameHelp(CommandSpec spec, ColorScheme colors, String launcher, String program) {
    super(spec, colors);
    this.launcher = launcher;
    this.program = program;
  }

  /**
   * Makes every usage line under {@code root} name the commands of {@code launcher} ({@code
   * acquire}) as {@code program} ({@code ./acquire}). Call once the command tree is complete.
   */
  static void install(CommandLine root, String launcher, String program) {
    root.setHelpFactory((spec, colors) -> new TypedNameHelp(spec, colors, launcher, program));
  }

  /** {@code spec}'s name as typed: {@code program} and the names below {@code launcher}, else its qualified name. */
  static String typedName(CommandSpec spec, String launcher, String program) {
    StringBuilder below = new StringBuilder();
    for (CommandSpec command = spec; command.parent() != null; command = command.parent()) {
      if (command.parent().parent() == null) {
        return command.name().equals(launcher) ? program + below : spec.qualifiedName();
      }
      below.insert(0, " " + command.name());
    }
    return spec.qualifiedName();
  }

  /**
   * As picocli lays out the synopsis (the name, then the options wrapped under the first one), with
   * the typed name in place of the qualified one.
   */
  @Override
  protected String insertSynopsisCommandName(int headingLength, Help.Ansi.Text details) {
    CommandSpec spec = commandSpec();
    String name = typedName(spec, launcher, program);
    int width = spec.usageMessage().width();
    int indent = headingLength + name.length() + 1;
    // A name too long to leave room for the options: wrap them under the heading instead.
    if (indent > spec.usageMessage().synopsisAutoIndentThreshold() * width) {
      indent = Math.min(spec.usageMessage().synopsisIndent() < 0 ? headingLength : spec.usageMessage().synopsisIndent(),
          (int) (0.9 * width));
    }
    Help.TextTable table = Help.TextTable.forColumnWidths(colorScheme(), width);
    table.setAdjustLineBreaksForWideCJKCharacters(spec.usageMessage().adjustLineBreaksForWideCJKCharacters());
    table.indentWrappedLines = indent;
    // The heading ("Usage: ") is printed before this text: stand-ins take its room on the first line.
    Help.Ansi.Text heading = Help.Ansi.OFF.new Text("x".repeat(headingLength), colorScheme());
    table.addRowValues(heading.concat(colorScheme().commandText(name)).concat(details));
    return table.toString().substring(headingLength);
  }
}
