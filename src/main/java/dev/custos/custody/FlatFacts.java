package dev.custos.custody;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data of an event whose type a reader does not know (one a later version writes), as words:
 * {@code : file report.pdf, logHead seq 1, logHead hash 9f3c…}. Nested members are named by their
 * path and arrays by index, so no brace or bracket of the JSON reaches a table or report. Stateless.
 */
public final class FlatFacts {
  private FlatFacts() {}

  /**
   * The members of {@code data} in order, as {@code ": name value, …"}, clipped to {@code max}
   * characters with an ellipsis; empty when there are none.
   */
  public static String of(JsonNode data, int max) {
    List<String> parts = new ArrayList<>();
    flatten("", data, parts);
    String text = parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    return text.length() > max ? text.substring(0, max) + "…" : text;
  }

  private static void flatten(String path, JsonNode node, List<String> parts) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        flatten(path.isEmpty() ? member.getKey() : path + " " + member.getKey(), member.getValue(), parts);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + " " + (i + 1), node.get(i), parts);
      }
    } else {
      parts.add(path + " " + node.asText());
    }
  }
}
