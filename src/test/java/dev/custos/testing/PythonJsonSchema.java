package dev.custos.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates a JSON document against a schema in the repository with a validator nobody here
 * wrote: Debian's python3-jsonschema, under Debian's interpreter (a pyenv or venv python3 earlier
 * on the PATH does not see Debian's packages). Skips the test, saying why, where it is missing.
 */
public final class PythonJsonSchema {
  /** Debian's interpreter. */
  static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

  private static final String VALIDATOR = String.join("\n",
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

  private PythonJsonSchema() {}

  /** What python3-jsonschema found: whether the document is valid, and its findings. */
  public record Result(boolean valid, String output) {}

  /** Validates {@code document} against {@code schema} (both files). */
  public static Result validate(Path schema, Path document) {
    assumeTrue(Files.isExecutable(DEBIAN_PYTHON),
        DEBIAN_PYTHON + " is missing: skipping the independent validation (apt-get install python3-jsonschema)");
    ExternalTool.Result result = ExternalTool.run(List.of(DEBIAN_PYTHON.toString(), "-c", VALIDATOR,
        schema.toAbsolutePath().toString(), document.toAbsolutePath().toString()));
    assumeTrue(result.exitCode() != 77,
        "python3-jsonschema is not installed for " + DEBIAN_PYTHON + ": skipping (apt-get install python3-jsonschema)");
    if (result.exitCode() != 0 && result.exitCode() != 1) {
      throw new AssertionError("python3-jsonschema could not run (exit " + result.exitCode() + "): " + result.output());
    }
    return new Result(result.exitCode() == 0, result.output());
  }
}
