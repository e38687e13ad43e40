package dev.custos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.custos.testing.PythonJsonSchema;
import java.io.IOException;
import java.io.InputStream;
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
  static final String RESOURCE = "/evidence-schema/devices.schema.json";
  static final Path FILE = Path.of("evidence-schema/devices.schema.json");
  private static final JsonSchema SCHEMA = load();

  private DevicesSchema() {}

  private static JsonSchema load() {
    try (InputStream in = DevicesSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build did not copy " + RESOURCE);
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** networknt's findings, one line each; empty when valid. */
  static List<String> networkntViolations(JsonNode document) {
    return SCHEMA.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
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
