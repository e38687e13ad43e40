package dev.custos.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The tool that made a record: name and version, from the build.
 *
 * @param name {@code custos}
 * @param version the project version the jar was built from
 */
public record ToolInfo(String name, String version) {

  /** This build of Custos. */
  public static ToolInfo current() {
    Properties properties = new Properties();
    try (InputStream in = ToolInfo.class.getResourceAsStream("/dev/custos/tool.properties")) {
      if (in == null) {
        return new ToolInfo("custos", "unknown");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ToolInfo(properties.getProperty("name", "custos"), properties.getProperty("version", "unknown"));
  }
}
