package dev.custos.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.source.driveidentity.DriveQuery;
import dev.custos.source.driveidentity.Moment;
import dev.custos.source.driveidentity.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The manifest's {@code driveIdentity} member, written and read: one element per identity query
 * ({@link Transcript}), in the order they ran. Absent from manifests of builds before it.
 */
final class DriveIdentityJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DriveIdentityJson() {}

  static ArrayNode tree(List<Transcript> transcripts) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Transcript transcript : transcripts) {
      ObjectNode node = array.addObject();
      node.put("run", transcript.run());
      node.put("moment", transcript.moment().id());
      node.put("query", transcript.query().id());
      ArrayNode command = node.putArray("command");
      transcript.command().forEach(command::add);
      node.put("started", EvidenceClock.format(transcript.started()));
      node.put("ended", EvidenceClock.format(transcript.ended()));
      if (transcript.exitCode().isPresent()) {
        node.put("exitCode", transcript.exitCode().getAsInt());
      } else {
        node.putNull("exitCode");
      }
      if (transcript.file().isPresent()) {
        Transcript.TranscriptFile file = transcript.file().get();
        node.putObject("file").put("path", file.name()).put("sizeBytes", file.sizeBytes()).put("sha256", file.sha256());
      } else {
        node.putNull("file");
      }
      node.put("notAvailable", transcript.notAvailable().orElse(null));
    }
    return array;
  }

  /**
   * @throws IllegalArgumentException naming the member, as {@link ManifestReader#read}
   */
  static List<Transcript> read(JsonNode node) {
    List<Transcript> transcripts = new ArrayList<>();
    if (node.isMissingNode()) {
      return transcripts;
    }
    for (JsonNode element : ManifestReader.array(node, "the drive identity queries")) {
      List<String> command = new ArrayList<>();
      for (JsonNode word : ManifestReader.array(element.path("command"), "a drive identity query's command words")) {
        command.add(ManifestReader.text(word, "a drive identity query's command word"));
      }
      JsonNode exit = element.path("exitCode");
      JsonNode file = element.path("file");
      JsonNode notAvailable = element.path("notAvailable");
      transcripts.add(new Transcript(
          (int) ManifestReader.count(element.path("run"), "a drive identity query's run", 1, 999_999_999),
          Moment.byId(ManifestReader.text(element.path("moment"), "a drive identity query's moment")),
          DriveQuery.byId(ManifestReader.text(element.path("query"), "a drive identity query")),
          command,
          ManifestReader.time(element.path("started"), "a drive identity query's start"),
          ManifestReader.time(element.path("ended"), "a drive identity query's end"),
          exit.isNull() ? OptionalInt.empty()
              : OptionalInt.of((int) ManifestReader.count(exit, "a drive identity query's exit code", 0, 255)),
          file.isNull() ? Optional.empty() : Optional.of(new Transcript.TranscriptFile(
              ManifestReader.text(file.path("path"), "a drive identity transcript's path"),
              ManifestReader.count(file.path("sizeBytes"), "a drive identity transcript's size", 0, Long.MAX_VALUE),
              ManifestReader.text(file.path("sha256"), "a drive identity transcript's SHA-256"))),
          notAvailable.isNull() ? Optional.empty()
              : Optional.of(ManifestReader.text(notAvailable, "why a drive identity query is not available"))));
    }
    return transcripts;
  }
}
