package dev.custos.cli;

import dev.custos.evidence.ToolInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the tool name and the version the jar was built from. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    ToolInfo tool = ToolInfo.current();
    return new String[] {tool.name() + " " + tool.version()};
  }
}
