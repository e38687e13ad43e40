package dev.custos.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    ExternalTool.Result probe = ExternalTool.run(List.of("/usr/bin/python3", "-c", "import jsonschema"));
    assumeTrue(probe.exitCode() == 0, "python3-jsonschema is not installed: skipping the independent schema check");
    String script = "import json,sys,jsonschema\n"
        + "schema=json.load(open(sys.argv[1],encoding='utf-8'))\n"
        + "doc=json.load(open(sys.argv[2],encoding='utf-8'))\n"
        + "v=jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)\n"
        + "errs=[e.message for e in v.iter_errors(doc)]\n"
        + "print('\\n'.join(errs) if errs else 'valid')\n"
        + "sys.exit(1 if errs else 0)\n";
    ExternalTool.Result result = ExternalTool.run(List.of("/usr/bin/python3", "-c", script, SCHEMA.toString(), json.toString()));
    assertThat(result.output().strip()).as("python jsonschema on " + json).isEqualTo("valid");
  }
}
