package dev.custos.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Validation against {@code evidence-schema/acquisition.schema.json} (JSON Schema draft 2020-12),
 * the very file in the repository, which the build copies into the jar. Thread-safe.
 */
public final class ManifestSchema {
  /** Where the schema lies in the jar, as it lies in the repository. */
  public static final String RESOURCE = "/evidence-schema/acquisition.schema.json";

  private static final JsonSchema SCHEMA = load();

  private ManifestSchema() {}

  private static JsonSchema load() {
    try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every violation of the schema, each as one line naming the member; empty when valid. */
  public static List<String> violations(JsonNode manifest) {
    Set<ValidationMessage> messages = SCHEMA.validate(manifest);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
