package dev.custos.cli;

import dev.custos.evidence.ToolInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the tool name and version, the commit the jar was built from and the jar's
 * SHA-256, as every record Custos writes names them.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    ToolInfo tool = ToolInfo.current();
    return new String[] {
        tool.name() + " " + tool.version(),
        "commit " + tool.commit(),
        "jar SHA-256 " + (tool.jarSha256() == null ? "none (not run from a jar)" : tool.jarSha256())};
  }
}
