package dev.custos.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of an {@link Invocation}, written and read here: the {@code invocation} member of
 * the manifest, of each resumption and of the {@code acquisition-started} event. The command line
 * is an array of its words, the working directory and the destination absolute paths.
 */
public final class InvocationJson {
  private InvocationJson() {}

  /** {@code {"commandLine": [...], "workingDirectory": "...", "destination": "..."}}. */
  public static ObjectNode tree(Invocation invocation) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode words = node.putArray("commandLine");
    invocation.commandLine().forEach(words::add);
    node.put("workingDirectory", invocation.workingDirectory());
    node.put("destination", invocation.destination());
    return node;
  }

  /**
   * The invocation {@code node} records; empty when it is absent or null (records made before
   * Custos recorded it, a run not started from the command line).
   *
   * @throws IllegalArgumentException naming the member, if one is of the wrong type or the command
   *     line is empty
   */
  public static Optional<Invocation> read(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    for (JsonNode word : ManifestReader.array(node.path("commandLine"), "the command line's words")) {
      words.add(ManifestReader.text(word, "a word of the command line"));
    }
    JsonNode destination = node.path("destination");
    return Optional.of(new Invocation(words, ManifestReader.text(node.path("workingDirectory"), "the working directory"),
        destination.isTextual() ? destination.textValue() : null));
  }
}
