package dev.custos.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.custos.io.ReadLimit;

/**
 * The one text form of every JSON document Custos writes: two-space indent, {@code "key": value},
 * one array element a line, {@code \n} line ends whatever the platform, a final newline; and the
 * one way Custos parses JSON it reads back ({@link #boundedMapper}).
 */
public final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonText() {}

  /**
   * A builder of the mapper for JSON of the kind {@code limit} names, read from a file that may be
   * hostile: a document (and every string and name in it) at most {@code limit.bytes()}, nesting
   * at most {@link ReadLimit#MAX_NESTING} deep, at most {@code limit.maxTokens()} tokens. Beyond
   * them Jackson stops with a {@code StreamConstraintsException} (a {@link JsonProcessingException}),
   * so neither a deep document (recursion: the schema validator, RFC 8785) nor a wide one (memory)
   * reaches anything else. Callers add their own features (duplicate detection, say).
   */
  public static JsonMapper.Builder boundedMapper(ReadLimit limit) {
    int bytes = (int) Math.min(Integer.MAX_VALUE, limit.bytes());
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(ReadLimit.MAX_NESTING)
        .maxDocumentLength(limit.bytes())
        .maxStringLength(bytes)
        .maxNameLength(bytes)
        .maxTokenCount(limit.maxTokens() > 0 ? limit.maxTokens() : -1)
        .build();
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
  }

  /** {@code tree} as text in the one form. */
  public static String of(JsonNode tree) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
