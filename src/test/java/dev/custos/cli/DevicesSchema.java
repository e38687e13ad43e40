package dev.custos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.testing.PythonJsonSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates {@code acquire devices --json} output against {@code evidence-schema/devices.schema.json}
 * with two validators written by others: networknt (Java, in the jar's copy of the schema) and
 * Debian's python3-jsonschema (on the repository's file).
 */
final class DevicesSchema {
  static final Path FILE = Path.of("evidence-schema/devices.schema.json");

  private DevicesSchema() {}

  /** networknt's findings on the jar's copy of the schema, one line each; empty when valid. */
  static List<String> networkntViolations(JsonNode document) {
    return EvidenceSchema.DEVICES.violations(document);
  }

  /**
   * Validates {@code json} with Debian's python3-jsonschema; skips the test, saying why, when it is
   * not installed.
   */
  static PythonJsonSchema.Result pythonValidate(String json, Path workDir) {
    try {
      Path document = Files.writeString(Files.createTempFile(workDir, "devices", ".json"), json, StandardCharsets.UTF_8);
      return PythonJsonSchema.validate(FILE, document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
