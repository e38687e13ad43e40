package dev.custos.custody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON tree, by the RFC co-author's library:
 * members sorted by UTF-16 code units, no whitespace, minimal string escapes, ECMAScript number
 * form. Events hold integers only, so any other JCS implementation gives the same bytes.
 * Stateless.
 */
final class Canonical {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Canonical() {}

  /** The JCS form of {@code tree}, UTF-8. */
  static byte[] bytes(JsonNode tree) {
    try {
      return new JsonCanonicalizer(MAPPER.writeValueAsString(tree)).getEncodedUTF8();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    } catch (IOException e) {
      throw new IllegalStateException("JCS rejected JSON that Jackson wrote: " + e.getMessage(), e);
    }
  }

  /** The JCS form of {@code tree} as text. */
  static String text(JsonNode tree) {
    return new String(bytes(tree), StandardCharsets.UTF_8);
  }
}
