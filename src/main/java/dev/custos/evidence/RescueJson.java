package dev.custos.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.rescue.Area;
import dev.custos.rescue.AreaState;
import dev.custos.rescue.PhaseRecord;
import dev.custos.rescue.RescueOptions;
import dev.custos.source.OsError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manifest's {@code rescue} member, both ways: the only code that knows its member names
 * (schema: {@code evidence-schema/acquisition.schema.json}, {@code $defs/rescue}).
 */
final class RescueJson {
  private RescueJson() {}

  /** {@code rescue} as JSON, its areas in sectors of {@code sectorSize} bytes. */
  static ObjectNode tree(Manifest.Rescue rescue, int sectorSize) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("retries", rescue.options().retries());
    if (rescue.options().timeLimit().isPresent()) {
      node.put("timeLimitMs", rescue.options().timeLimit().get().toMillis());
    } else {
      node.putNull("timeLimitMs");
    }
    node.put("reverse", rescue.options().reverse());
    node.put("timeLimitReached", rescue.timeLimitReached());
    ArrayNode phases = node.putArray("phases");
    for (PhaseRecord phase : rescue.phases()) {
      phases.addObject().put("phase", phase.phase()).put("started", EvidenceClock.format(phase.started()))
          .put("ended", EvidenceClock.format(phase.ended())).put("bytesRead", phase.bytesRead()).put("failedReads", phase.failedReads());
    }
    ArrayNode unread = node.putArray("unread");
    for (Area area : rescue.unread()) {
      ObjectNode entry = unread.addObject().put("firstLba", area.position() / sectorSize)
          .put("count", (area.size() + sectorSize - 1) / sectorSize).put("bytes", area.size()).put("state", area.state().id());
      if (area.error().isPresent()) {
        entry.put("error", area.error().get().name()).put("errorText", area.error().get().text());
      } else {
        entry.putNull("error").putNull("errorText");
      }
    }
    return node;
  }

  /**
   * The rescue {@code node} records, or empty when it is absent (no read failed, or a manifest of
   * a build before the rescue).
   *
   * @throws IllegalArgumentException naming the member, if one is missing or out of range
   */
  static Optional<Manifest.Rescue> read(JsonNode node, int sectorSize) {
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    JsonNode limit = node.path("timeLimitMs");
    RescueOptions options = new RescueOptions((int) ManifestReader.count(node.path("retries"), "the rescue's retries", 0, 100),
        limit.isNull() ? Optional.empty() : Optional.of(Duration.ofMillis(ManifestReader.count(limit, "the rescue's time limit", 1,
            Long.MAX_VALUE))),
        ManifestReader.bool(node.path("reverse"), "the rescue's direction"));
    List<PhaseRecord> phases = new ArrayList<>();
    for (JsonNode phase : ManifestReader.array(node.path("phases"), "the rescue's phases")) {
      phases.add(new PhaseRecord(ManifestReader.text(phase.path("phase"), "a rescue phase's name"),
          ManifestReader.time(phase.path("started"), "a rescue phase's start"), ManifestReader.time(phase.path("ended"), "a rescue phase's end"),
          ManifestReader.count(phase.path("bytesRead"), "a rescue phase's bytes read", 0, Long.MAX_VALUE),
          ManifestReader.count(phase.path("failedReads"), "a rescue phase's failed reads", 0, Long.MAX_VALUE)));
    }
    List<Area> unread = new ArrayList<>();
    for (JsonNode area : ManifestReader.array(node.path("unread"), "the rescue's unread areas")) {
      long firstLba = ManifestReader.count(area.path("firstLba"), "an unread area's first LBA", 0, Long.MAX_VALUE / sectorSize);
      Optional<OsError> error = area.path("error").isNull() ? Optional.empty()
          : Optional.of(new OsError(ManifestReader.text(area.path("error"), "an unread area's error"),
              ManifestReader.text(area.path("errorText"), "an unread area's error text")));
      unread.add(new Area(firstLba * sectorSize, ManifestReader.count(area.path("bytes"), "an unread area's bytes", 1, Long.MAX_VALUE),
          AreaState.byId(ManifestReader.text(area.path("state"), "an unread area's state")), error));
    }
    return Optional.of(new Manifest.Rescue(options, phases, unread, ManifestReader.bool(node.path("timeLimitReached"),
        "whether the rescue's time limit was reached")));
  }
}
