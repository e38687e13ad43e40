package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Reading and checking an evidence directory the way an outside reviewer would. */
public final class Evidence {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The schema in the repository, not the copy in the jar. */
  public static final Path SCHEMA = Path.of("evidence-schema/acquisition.schema.json").toAbsolutePath();

  /** The bundled floppy fixture. */
  public static final Path FLOPPY = Path.of("test-fixtures/floppy-fat12.ima").toAbsolutePath();

  private Evidence() {}

  public static JsonNode manifest(Path directory) {
    try {
      return MAPPER.readTree(directory.resolve("acquisition.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The events of {@code directory}'s custody log, one JSON tree a line, in order. */
  public static List<JsonNode> custodyEvents(Path directory) {
    try {
      List<JsonNode> events = new ArrayList<>();
      for (String line : Files.readAllLines(directory.resolve("custody.jsonl"), StandardCharsets.UTF_8)) {
        events.add(MAPPER.readTree(line));
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code acquire image} of the bundled floppy into {@code out}, case 2026-0142, evidence FLOPPY-01, examiner Jane Doe, then {@code extra}. */
  public static Cli.Run acquireFloppy(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("acquire", "image", FLOPPY.toString(), "--out", out.toString(),
        "--case", "2026-0142", "--evidence", "FLOPPY-01", "--examiner", "Jane Doe"));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
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
