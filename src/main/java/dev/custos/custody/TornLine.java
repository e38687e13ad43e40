package dev.custos.custody;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The bytes of an append that a crash cut short, as set aside beside the log before the next
 * append: never deleted, recorded by a {@code log-repaired} event.
 *
 * @param setAsideAs the file they were moved to, relative to the evidence directory
 * @param bytes how many bytes
 * @param sha256 their SHA-256, so the file can be checked
 * @param afterSeq seq of the last whole event before them, -1 when there was none
 */
record TornLine(String setAsideAs, long bytes, String sha256, long afterSeq) {
  /** The {@code data} of the {@code log-repaired} event. */
  ObjectNode describe() {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("tornBytes", bytes);
    data.put("tornSha256", sha256);
    data.put("setAsideAs", setAsideAs);
    data.put("afterSeq", afterSeq);
    data.put("reason", "the last line was cut short (an append interrupted by a crash); its bytes were set aside, not deleted");
    return data;
  }
}
