package dev.custos.evidence;

import dev.custos.digest.HashAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The tool that made a record: name, version, the commit it was built from and the SHA-256 of the
 * jar it ran from. The version and commit say which source; the jar's digest says which binary,
 * whatever a build from a dirty tree or outside git could not say. Immutable.
 *
 * @param name {@code custos}
 * @param version the project version the jar was built from
 * @param commit {@code git rev-parse HEAD} at build time, {@code -dirty} appended when the work tree
 *     had uncommitted changes; {@link #UNKNOWN_COMMIT} when built outside a git work tree
 * @param jarSha256 lowercase hex SHA-256 of the jar the code runs from, or null when it does not run
 *     from a jar (a classes directory: tests, an IDE)
 */
public record ToolInfo(String name, String version, String commit, String jarSha256) {
  /** The commit recorded for a build made outside a git work tree. */
  public static final String UNKNOWN_COMMIT = "unknown";

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}(-dirty)?|" + UNKNOWN_COMMIT);
  private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

  /**
   * @throws IllegalArgumentException if the commit or the jar's digest has another form
   */
  public ToolInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(commit, "commit");
    if (!COMMIT.matcher(commit).matches()) {
      throw new IllegalArgumentException("commit must be 40 hex digits (and -dirty) or unknown, got '" + commit + "'");
    }
    if (jarSha256 != null && !SHA_256.matcher(jarSha256).matches()) {
      throw new IllegalArgumentException("jar SHA-256 must be 64 lowercase hex digits, got '" + jarSha256 + "'");
    }
  }

  /** A tool of unknown commit, not run from a jar: for records made by tests. */
  public ToolInfo(String name, String version) {
    this(name, version, UNKNOWN_COMMIT, null);
  }

  /**
   * This build of Custos. The jar is read and hashed once per run, on first use.
   *
   * @throws UncheckedIOException if the build's properties or the jar cannot be read
   */
  public static ToolInfo current() {
    return Current.TOOL;
  }

  /** {@code version (commit …, jar SHA-256 …)}: how the tool names itself on a line. */
  public String describe() {
    return name + " " + version + " (commit " + commit + ", jar SHA-256 "
        + (jarSha256 == null ? "none: not run from a jar" : jarSha256) + ")";
  }

  /** Computed once: the jar does not change under a running JVM that we would want to notice here. */
  private static final class Current {
    static final ToolInfo TOOL = load();

    private static ToolInfo load() {
      Properties properties = new Properties();
      try (InputStream in = ToolInfo.class.getResourceAsStream("/dev/custos/tool.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String commit = properties.getProperty("commit", UNKNOWN_COMMIT);
      return new ToolInfo(properties.getProperty("name", "custos"), properties.getProperty("version", "unknown"),
          COMMIT.matcher(commit).matches() ? commit : UNKNOWN_COMMIT, jarSha256(ToolInfo.class));
    }
  }

  /** SHA-256 of the jar {@code type} was loaded from, or null when it was loaded from a directory. */
  static String jarSha256(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
    if (!Files.isRegularFile(location)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(location)) {
      MessageDigest digest = HashAlgorithm.SHA_256.newMessageDigest();
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the jar Custos runs from, " + location + ": " + e.getMessage(), e);
    }
  }
}
