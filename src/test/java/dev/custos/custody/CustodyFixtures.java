package dev.custos.custody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.crypto.Signer;
import dev.custos.error.CustosException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import java.nio.file.Path;

/** Recorders and small logs for the custody tests. */
final class CustodyFixtures {
  static final HostInfo HOST = new HostInfo("lab-ws-01", "Linux 6.1 amd64", "jane", "test JVM", "Europe/Berlin");
  static final ToolInfo TOOL = new ToolInfo("custos", "0.1.0-test");

  private CustodyFixtures() {}

  static CustodyRecorder recorder(Signer signer) {
    return CustodyRecorder.signed(signer, HOST, TOOL, EvidenceClock.system());
  }

  static CustodyRecorder unsignedRecorder(String name) {
    return CustodyRecorder.unsigned(name, HOST, TOOL, EvidenceClock.system());
  }

  /** A note event's data. */
  static ObjectNode note(String text) {
    ObjectNode data = CustodyRecorder.newData();
    data.put("text", text);
    return data;
  }

  /** Appends {@code count} notes ("note 0", "note 1", …). */
  static void appendNotes(CustodyRecorder recorder, Path directory, int count) throws CustosException {
    for (int i = 0; i < count; i++) {
      recorder.append(directory, "note", note("note " + i));
    }
  }
}
