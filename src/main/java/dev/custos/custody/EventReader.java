package dev.custos.custody;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.JsonText;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads one line of {@code custody.jsonl} into an event, strictly: UTF-8, one JSON object without
 * duplicate members, valid against {@code custody-event.schema.json}, and byte for byte the
 * canonical form Custos writes, so that an edit which leaves the meaning unchanged (an escape
 * spelled differently, a reordered member) is still an edit. Stateless.
 */
final class EventReader {
  private static final ObjectMapper STRICT = JsonText.boundedMapper(ReadLimit.CUSTODY_LINE)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final JsonFactory FACTORY = JsonText.boundedMapper(ReadLimit.CUSTODY_LINE).build().getFactory();

  private EventReader() {}

  /** An event read from a line, or why the line is not one. Exactly one of the two is set. */
  record Result(CustodyEvent event, Finding.Kind problem, String detail) {
    static Result of(CustodyEvent event) {
      return new Result(event, null, null);
    }

    static Result problem(Finding.Kind kind, String detail) {
      return new Result(null, kind, detail);
    }

    boolean ok() {
      return event != null;
    }
  }

  static Result read(byte[] line) {
    if (line.length > ReadLimit.CUSTODY_LINE.bytes()) {
      return Result.problem(Finding.Kind.NOT_AN_EVENT, "not a custody event: it holds " + line.length + " bytes, but "
          + ReadLimit.CUSTODY_LINE.rule() + " (not read further)");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      return Result.problem(Finding.Kind.NOT_UTF8, "not valid UTF-8 (edited or damaged)");
    }
    JsonNode tree;
    try {
      tree = STRICT.readTree(text);
    } catch (JsonProcessingException e) {
      return Result.problem(Finding.Kind.NOT_JSON, "not one JSON object (edited or damaged): " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      return Result.problem(Finding.Kind.NOT_JSON, "not one JSON object (edited or damaged)");
    }
    List<String> violations = EvidenceSchema.CUSTODY_EVENT.violations(tree);
    if (!violations.isEmpty()) {
      return Result.problem(Finding.Kind.NOT_AN_EVENT, "not a custody event: " + String.join("; ", violations));
    }
    if (!Arrays.equals(Canonical.bytes(tree), line)) {
      return Result.problem(Finding.Kind.NOT_CANONICAL, "not in the canonical (RFC 8785) form Custos writes: the line was edited");
    }
    String signature = tree.path("sig").asText(null);
    if (signature != null && !isCanonicalBase64(signature)) {
      return Result.problem(Finding.Kind.NOT_CANONICAL, "the signature is not in canonical base64: the line was edited");
    }
    Instant time;
    try {
      time = Instant.parse(tree.get("time").asText());
    } catch (java.time.format.DateTimeParseException e) {
      return Result.problem(Finding.Kind.NOT_AN_EVENT, "time '" + tree.get("time").asText() + "' is not a valid date and time");
    }
    JsonNode actor = tree.get("actor");
    JsonNode host = tree.get("host");
    JsonNode tool = tree.get("tool");
    return Result.of(new CustodyEvent(
        tree.get("seq").longValue(), time, tree.get("type").asText(),
        new Actor(actor.get("name").asText(), actor.path("certificateSha256").asText(null)),
        new CustodyEvent.EventHost(host.get("hostname").asText(), host.get("os").asText(), host.get("user").asText()),
        new CustodyEvent.EventTool(tool.get("name").asText(), tool.get("version").asText(),
            tool.hasNonNull("commit") ? tool.get("commit").asText() : null,
            tool.hasNonNull("jarSha256") ? tool.get("jarSha256").asText() : null),
        tree.get("data"), tree.get("prev").asText(), tree.get("hash").asText(), signature));
  }

  /** Whether {@code text} is exactly what standard base64 encoding of its decoded bytes gives. */
  private static boolean isCanonicalBase64(String text) {
    try {
      return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)).equals(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether {@code tail} (bytes after the last line end) is the beginning of a line cut short by a
   * crash: a JSON object that is opened but not closed, possibly ending in the middle of a UTF-8
   * character. Anything else there — a complete event without its line end, bytes after a closed
   * object — is an edit, not a torn append.
   */
  static boolean isTornAppend(byte[] tail) {
    if (tail.length == 0 || tail[0] != '{' || tail.length > ReadLimit.CUSTODY_LINE.bytes()) {
      return false;
    }
    byte[] whole = withoutPartialCharacter(tail);
    try (JsonParser parser = FACTORY.createParser(whole)) {
      int depth = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
          if (depth == 0) {
            return false;
          }
        }
      }
      return depth > 0;
    } catch (StreamReadException e) {
      // Jackson reports input that ends inside a string or a number as an unexpected end.
      return e instanceof com.fasterxml.jackson.core.io.JsonEOFException;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code bytes} without a UTF-8 sequence cut short at its end. */
  private static byte[] withoutPartialCharacter(byte[] bytes) {
    int end = bytes.length;
    int continuation = 0;
    while (end > 0 && continuation < 3 && (bytes[end - 1] & 0xC0) == 0x80) {
      end--;
      continuation++;
    }
    if (end > 0) {
      int lead = bytes[end - 1] & 0xFF;
      int expected = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : -1;
      if (expected > continuation) {
        return Arrays.copyOf(bytes, end - 1);
      }
    }
    return bytes;
  }
}
