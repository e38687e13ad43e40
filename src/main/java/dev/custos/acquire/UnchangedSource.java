package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.error.UsageException;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.evidence.ManifestJson;
import dev.custos.source.SourceState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resumption reads the source as it was when the last pass began: the state the custody log
 * recorded then ({@code sourceState} of the last {@code acquisition-started} or {@code
 * acquisition-resumed} event) must be the state now. A file written, grown or replaced since, or
 * a device whose size or identity changed, would leave an image of two states of it: refused.
 */
final class UnchangedSource {
  private UnchangedSource() {}

  /**
   * @throws UsageException naming every difference
   */
  static void require(InterruptedAcquisition state, SourceState now, Path path) throws UsageException {
    CustodyEvent last = state.resumptions().isEmpty() ? state.started() : state.resumptions().get(state.resumptions().size() - 1);
    JsonNode recorded = AcquisitionEventJson.sourceState(last.data());
    if (recorded == null || !recorded.isObject()) {
      return; // recorded by a Custos that took no state: size, model, serial and a re-read piece are compared instead
    }
    List<String> differences = new ArrayList<>();
    compare("", recorded, ManifestJson.sourceStateTree(now), differences);
    if (!differences.isEmpty()) {
      throw new UsageException("refusing to resume from " + path + ": it is not the source the acquisition began on, or it changed"
          + " since custody event seq " + last.seq() + " (" + last.type() + ") recorded it (" + String.join("; ", differences)
          + "); the image would hold bytes of two states of it: acquire it anew into another directory");
    }
  }

  /** {@code file modified} as the words the acquisition's own messages use. */
  private static String label(String path) {
    return path.replaceFirst("^file ", "")
        .replaceFirst("^backingFile ", "backing file ")
        .replaceFirst("sizeBytes$", "size")
        .replaceFirst("modified$", "modification time")
        .replaceFirst("changed$", "status-change time");
  }

  private static void compare(String prefix, JsonNode recorded, JsonNode now, List<String> differences) {
    if (recorded.isObject() && now.isObject()) {
      for (Map.Entry<String, JsonNode> member : recorded.properties()) {
        if (prefix.equals("file ") && member.getKey().equals("path")) {
          continue; // a file named anew with --source: its inode and times say whether it is the same
        }
        compare(prefix + member.getKey() + " ", member.getValue(), now.path(member.getKey()), differences);
      }
      return;
    }
    // As JSON text: a number read back from the log is an int where the tree built now holds a long.
    if (!recorded.toString().equals(now.toString())) {
      differences.add(label(prefix.strip()) + " " + (now.isMissingNode() || now.isNull() ? "none" : now.asText()) + ", recorded "
          + (recorded.isNull() ? "none" : recorded.asText()));
    }
  }
}
