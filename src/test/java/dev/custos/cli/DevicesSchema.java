package dev.custos.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.custos.testing.ExternalTool;
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
  /** Debian's interpreter: a pyenv or venv python3 earlier on PATH does not see Debian's packages. */
  static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

  private static final String PYTHON_VALIDATOR = String.join("\n",
      "import json, sys",
      "try:",
      "    import jsonschema",
      "except ImportError:",
      "    sys.exit(77)",
      "with open(sys.argv[1], encoding='utf-8') as f:",
      "    schema = json.load(f)",
      "with open(sys.argv[2], encoding='utf-8') as f:",
      "    document = json.load(f)",
      "jsonschema.Draft202012Validator.check_schema(schema)",
      "validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())",
      "errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))",
      "for e in errors:",
      "    print('/'.join(str(p) for p in e.absolute_path) + ': ' + e.message)",
      "print('python3-jsonschema ' + jsonschema.__version__ + ': ' + str(len(errors)) + ' error(s)')",
      "sys.exit(1 if errors else 0)");

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

  /** What python3-jsonschema found. */
  record PythonResult(boolean valid, String output) {}

  /**
   * Validates {@code json} with Debian's python3-jsonschema; skips the test, saying why, when it is
   * not installed ({@code apt-get install python3-jsonschema}).
   */
  static PythonResult pythonValidate(String json, Path workDir) {
    assumeTrue(Files.isExecutable(DEBIAN_PYTHON),
        DEBIAN_PYTHON + " is missing: skipping the independent validation (apt-get install python3-jsonschema)");
    try {
      Path document = Files.writeString(Files.createTempFile(workDir, "devices", ".json"), json, StandardCharsets.UTF_8);
      ExternalTool.Result result = ExternalTool.run(List.of(DEBIAN_PYTHON.toString(), "-c", PYTHON_VALIDATOR,
          FILE.toAbsolutePath().toString(), document.toString()));
      assumeTrue(result.exitCode() != 77,
          "python3-jsonschema is not installed for " + DEBIAN_PYTHON + ": skipping (apt-get install python3-jsonschema)");
      if (result.exitCode() != 0 && result.exitCode() != 1) {
        throw new AssertionError("python3-jsonschema could not run (exit " + result.exitCode() + "): " + result.output());
      }
      return new PythonResult(result.exitCode() == 0, result.output());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
