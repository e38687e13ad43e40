package dev.custos.verify;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.custody.TornLine;
import dev.custos.evidence.EvidenceDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One warning per {@code log-repaired} event: the torn end of the log that an append set aside is
 * what a crash leaves and also what cutting the end of the log leaves, so verify never passes
 * over it in silence. The set-aside file is read (never trusted for more than its bytes) to say
 * whether it begins the event that would have followed. Stateless.
 */
final class SetAsideLogEnds {
  private SetAsideLogEnds() {}

  static List<Problem> in(Path root, List<CustodyEvent> events) {
    List<Problem> warnings = new ArrayList<>();
    for (CustodyEvent event : events) {
      if (!event.type().equals(LogEvent.LOG_REPAIRED)) {
        continue;
      }
      LogEvent.LogRepaired repaired = LogEventJson.readLogRepaired(event.data());
      long afterSeq = repaired.afterSeq() == null ? -1 : repaired.afterSeq();
      String file = repaired.setAsideAs() == null ? "" : repaired.setAsideAs();
      CustodyEvent before = events.stream().filter(e -> e.seq() == afterSeq).findFirst().orElse(null);
      String continuation = null;
      String read = "";
      Path aside = root.resolve(file).normalize();
      if (!file.isEmpty() && aside.getParent() != null && aside.getParent().equals(root.normalize()) && Files.isRegularFile(aside)) {
        try {
          continuation = TornLine.continuation(Files.readAllBytes(aside), before);
        } catch (IOException e) {
          read = "; " + file + " cannot be read: " + e.getMessage();
        }
      } else {
        read = "; " + (file.isEmpty() ? "no file is named" : file + " is not in the directory");
      }
      warnings.add(new Problem(EvidenceDirectory.CUSTODY_LOG, "seq " + event.seq() + " (log-repaired): "
          + (repaired.tornBytes() == null ? "?" : repaired.tornBytes()) + " bytes of a torn last line after seq " + afterSeq
          + " were set aside as " + (file.isEmpty() ? "(not named)" : file) + read
          + (continuation == null ? "" : "; " + continuation) + "; " + TornLine.CANNOT_PROVE));
    }
    return warnings;
  }
}
