package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Reading and checking an evidence directory the way an outside reviewer would. */
public final class Evidence {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The schema in the repository, not the copy in the jar. */
  public static final Path SCHEMA = Path.of("evidence-schema/acquisition.schema.json").toAbsolutePath();

  private Evidence() {}

  public static JsonNode manifest(Path directory) {
    try {
      return MAPPER.readTree(directory.resolve("acquisition.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of {@code size} bytes of seeded pseudo-random data: the same bytes every run. */
  public static Path randomFile(Path file, long size, long seed) {
    Random random = new Random(seed);
    byte[] chunk = new byte[1 << 16];
    try (var out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Validates {@code json} against the repository's schema with an independent validator, Python's
   * jsonschema (Debian python3-jsonschema); skips, saying why, where it is not installed.
   */
  public static void assertValidWithPythonJsonSchema(Path json) {
    PythonJsonSchema.Result result = PythonJsonSchema.validate(SCHEMA, json);
    assertThat(result.valid()).as("python jsonschema on " + json + ": " + result.output()).isTrue();
  }
}
