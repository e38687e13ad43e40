package dev.custos.custody;

import static dev.custos.custody.LogEventJson.count;
import static dev.custos.custody.LogEventJson.required;
import static dev.custos.custody.LogEventJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.evidence.EvidenceClock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the custody events of a re-verification ({@link CheckEvent}): written here from its
 * records, read here into them; the only code that knows their member names. Stateless.
 *
 * <p>The readers take events already checked against {@code custody-event.schema.json}; a member the
 * schema requires and the data lacks is refused with {@link IllegalArgumentException} naming it.
 */
public final class CheckEventJson {
  private CheckEventJson() {}

  /** The data of {@code verification}. */
  public static ObjectNode verification(CheckEvent.Verification verification) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("outcome", verification.outcome());
    if (verification.acquired() != null) {
      data.put("acquired", verification.acquired());
    }
    data.put("started", EvidenceClock.format(verification.started()));
    data.put("ended", EvidenceClock.format(verification.ended()));
    ObjectNode checks = data.putObject("checks");
    verification.checks().forEach(checks::put);
    if (verification.digests() != null) {
      ObjectNode digests = data.putObject("digests");
      verification.digests().forEach(digests::put);
      data.put("digestsOf", "image"); // computed now, of the image; the recorded ones are in the manifest
      data.put("piecesDamaged", verification.piecesDamaged());
    }
    data.put("source", verification.source());
    data.put("problemCount", verification.problemCount());
    ArrayNode problems = data.putArray("problems");
    verification.problems().forEach(problems::add);
    return data;
  }

  /** The data of {@code image-verified} or {@code source-verified}. */
  public static ObjectNode afterAcquisition(CheckEvent.AfterAcquisition check) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("check", check.check());
    data.put("started", EvidenceClock.format(check.started()));
    data.put("ended", EvidenceClock.format(check.ended()));
    data.put("read", check.read());
    data.put("matched", check.matched());
    ArrayNode digests = data.putArray("digests");
    for (CheckEvent.DigestCheck digest : check.digests()) {
      digests.addObject().put("algorithm", digest.algorithm()).put("recorded", digest.recorded())
          .put("computed", digest.computed()).put("matched", digest.matched());
    }
    if (check.pieces() == null) {
      data.putNull("pieces");
    } else {
      data.putObject("pieces").put("algorithm", check.pieces().algorithm())
          .put("compared", check.pieces().compared()).put("differ", check.pieces().differ());
    }
    data.put("bytesRead", check.bytesRead());
    data.put("summary", check.summary());
    data.put("problemCount", check.problemCount());
    ArrayNode problems = data.putArray("problems");
    check.problems().forEach(problems::add);
    return data;
  }

  /** Reads the data of {@code verification}. */
  public static CheckEvent.Verification readVerification(JsonNode data) {
    String type = CheckEvent.VERIFICATION;
    JsonNode outcome = required(data, type, "outcome");
    JsonNode digests = data.get("digests");
    return new CheckEvent.Verification(outcome.asText(), text(data.get("acquired")), time(data.get("started")),
        time(data.get("ended")), texts(required(data, type, "checks")), digests == null ? null : texts(digests),
        count(data.get("piecesDamaged")), text(data.get("source")), required(data, type, "problemCount").asLong(),
        lines(required(data, type, "problems")));
  }

  /** Reads the data of {@code image-verified} or {@code source-verified}. */
  public static CheckEvent.AfterAcquisition readAfterAcquisition(JsonNode data) {
    String type = CheckEvent.IMAGE_VERIFIED + " or " + CheckEvent.SOURCE_VERIFIED;
    List<CheckEvent.DigestCheck> digests = new ArrayList<>();
    for (JsonNode digest : required(data, type, "digests")) {
      digests.add(new CheckEvent.DigestCheck(digest.path("algorithm").asText(), digest.path("recorded").asText(),
          digest.path("computed").asText(), digest.path("matched").asBoolean(false)));
    }
    JsonNode pieces = required(data, type, "pieces");
    return new CheckEvent.AfterAcquisition(required(data, type, "check").asText(), time(required(data, type, "started")),
        time(required(data, type, "ended")), required(data, type, "read").asText(),
        required(data, type, "matched").asBoolean(false), digests,
        pieces.isObject() ? new CheckEvent.Pieces(text(pieces.get("algorithm")), pieces.path("compared").asLong(),
            pieces.path("differ").asLong()) : null,
        required(data, type, "bytesRead").asLong(), required(data, type, "summary").asText(),
        required(data, type, "problemCount").asLong(), lines(required(data, type, "problems")));
  }

  private static Map<String, String> texts(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(member -> map.put(member.getKey(), member.getValue().asText()));
    return map;
  }

  private static List<String> lines(JsonNode array) {
    List<String> lines = new ArrayList<>();
    array.forEach(line -> lines.add(line.asText()));
    return lines;
  }

  private static Instant time(JsonNode node) {
    try {
      return node != null && node.isTextual() ? Instant.parse(node.textValue()) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
