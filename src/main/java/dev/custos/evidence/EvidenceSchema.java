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
 * One JSON Schema (draft 2020-12) of {@code evidence-schema/}, the very file in the repository,
 * which the build copies into the jar. Loaded on first use; thread-safe.
 */
public final class EvidenceSchema {
  /** {@code acquisition.json}. */
  public static final EvidenceSchema MANIFEST = new EvidenceSchema("/evidence-schema/acquisition.schema.json");
  /** {@code acquire devices --json}. */
  public static final EvidenceSchema DEVICES = new EvidenceSchema("/evidence-schema/devices.schema.json");
  /** One event (line) of {@code custody.jsonl}. */
  public static final EvidenceSchema CUSTODY_EVENT = new EvidenceSchema("/evidence-schema/custody-event.schema.json");
  /** One line of {@code acquisition-progress.jsonl}, the progress record {@code acquire resume} reads. */
  public static final EvidenceSchema PROGRESS = new EvidenceSchema("/evidence-schema/acquisition-progress.schema.json");
  /** {@code report verify --json}. */
  public static final EvidenceSchema VERIFICATION = new EvidenceSchema("/evidence-schema/verification.schema.json");

  private final String resource;
  private volatile JsonSchema schema;

  private EvidenceSchema(String resource) {
    this.resource = resource;
  }

  /** Where the schema lies in the jar, as it lies in the repository. */
  public String resource() {
    return resource;
  }

  /** Every violation of the schema, each as one line naming the member; empty when valid. */
  public List<String> violations(JsonNode document) {
    Set<ValidationMessage> messages = schema().validate(document);
    return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /**
   * Loads and compiles the schema on a background thread, so that a command that validates only at
   * its end (after a long read) does not wait for it then. Harmless if it is loaded already.
   */
  public void prepareInBackground() {
    Thread loader = new Thread(() -> violations(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()),
        "custos-schema-" + resource.substring(resource.lastIndexOf('/') + 1));
    loader.setDaemon(true);
    loader.start();
  }

  private JsonSchema schema() {
    JsonSchema loaded = schema;
    if (loaded == null) {
      // One thread compiles it (a background preparation, say); the others wait for that one.
      synchronized (this) {
        loaded = schema;
        if (loaded == null) {
          loaded = load(resource);
          schema = loaded;
        }
      }
    }
    return loaded;
  }

  private static JsonSchema load(String resource) {
    try (InputStream in = EvidenceSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + resource);
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
