package dev.custos.custody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data of the custody events about the evidence's holders and the log itself ({@link
 * LogEvent}): written here from its records, read here into them; the only code that knows their
 * member names. Stateless.
 *
 * <p>The readers take events already checked against {@code custody-event.schema.json}; a member the
 * schema requires and the data lacks is a defect of the caller, refused with {@link
 * IllegalArgumentException} naming it.
 */
public final class LogEventJson {
  private static final String HEAD_TIMESTAMP = "headTimestamp";

  private LogEventJson() {}

  /** The data of {@code transfer}. */
  public static ObjectNode transfer(LogEvent.Transfer transfer) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("from", transfer.from());
    data.put("to", transfer.to());
    if (transfer.toCertificateSha256() != null) {
      data.put("toCertificateSha256", transfer.toCertificateSha256());
    }
    data.put("reason", transfer.reason());
    data.put("location", transfer.location());
    putHeadTimestamp(data, transfer.headTimestamp());
    return data;
  }

  /** The data of {@code receipt}. */
  public static ObjectNode receipt(LogEvent.Receipt receipt) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("transferSeq", receipt.transferSeq());
    data.put("transferHash", receipt.transferHash());
    data.put("from", receipt.from());
    data.put("location", receipt.location());
    data.put("note", receipt.note());
    putHeadTimestamp(data, receipt.headTimestamp());
    return data;
  }

  /** The data of {@code note}. */
  public static ObjectNode note(LogEvent.Note note) {
    return JsonNodeFactory.instance.objectNode().put("text", note.text());
  }

  /** The data of the {@code log-repaired} event that records {@code torn}. */
  static ObjectNode logRepaired(TornLine torn) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("tornBytes", torn.bytes());
    data.put("tornSha256", torn.sha256());
    data.put("setAsideAs", torn.setAsideAs());
    data.put("afterSeq", torn.afterSeq());
    data.put("reason", "the last line was cut short (as a crash during an append leaves it, or as cutting the end of the log"
        + " does); its bytes were set aside, not deleted");
    return data;
  }

  /** The data of {@code report-rendered}. */
  public static ObjectNode reportRendered(LogEvent.ReportRendered report) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.put("file", report.file());
    data.put("sha256", report.sha256());
    data.put("sizeBytes", report.sizeBytes());
    data.put("signed", report.signed());
    data.putObject("logHead").put("seq", report.headSeq()).put("hash", report.headHash());
    return data;
  }

  /** Reads the data of {@code transfer}. */
  public static LogEvent.Transfer readTransfer(JsonNode data) {
    String type = LogEvent.TRANSFER;
    return new LogEvent.Transfer(text(required(data, type, "from")), text(required(data, type, "to")),
        text(data.get("toCertificateSha256")), text(data.get("reason")), text(data.get("location")), readHeadTimestamp(data));
  }

  /** Reads the data of {@code receipt}. */
  public static LogEvent.Receipt readReceipt(JsonNode data) {
    String type = LogEvent.RECEIPT;
    return new LogEvent.Receipt(count(required(data, type, "transferSeq")), text(required(data, type, "transferHash")),
        text(required(data, type, "from")), text(data.get("location")), text(data.get("note")), readHeadTimestamp(data));
  }

  /** Reads the data of {@code note}. */
  public static LogEvent.Note readNote(JsonNode data) {
    return new LogEvent.Note(text(required(data, LogEvent.NOTE, "text")));
  }

  /** Reads the data of {@code log-repaired}. */
  public static LogEvent.LogRepaired readLogRepaired(JsonNode data) {
    String type = LogEvent.LOG_REPAIRED;
    return new LogEvent.LogRepaired(count(required(data, type, "tornBytes")), text(required(data, type, "tornSha256")),
        text(required(data, type, "setAsideAs")), count(required(data, type, "afterSeq")));
  }

  /** Reads the data of {@code report-rendered}. */
  public static LogEvent.ReportRendered readReportRendered(JsonNode data) {
    String type = LogEvent.REPORT_RENDERED;
    JsonNode signed = required(data, type, "signed");
    JsonNode head = required(data, type, "logHead");
    return new LogEvent.ReportRendered(text(required(data, type, "file")), text(required(data, type, "sha256")),
        count(required(data, type, "sizeBytes")), signed.isBoolean() ? signed.booleanValue() : null,
        count(head.get("seq")), text(head.get("hash")));
  }

  /**
   * The {@code headTimestamp} any event's data may carry, or null when it carries none. One that is
   * not an object reads as a token over nothing.
   */
  public static LogEvent.HeadTimestamp readHeadTimestamp(JsonNode data) {
    JsonNode stamp = data.get(HEAD_TIMESTAMP);
    if (stamp == null) {
      return null;
    }
    return new LogEvent.HeadTimestamp(text(stamp.get("head")), text(stamp.get("token")));
  }

  private static void putHeadTimestamp(ObjectNode data, LogEvent.HeadTimestamp stamp) {
    if (stamp != null) {
      data.putObject(HEAD_TIMESTAMP).put("head", stamp.head()).put("token", stamp.token());
    }
  }

  /**
   * {@code data.name}, present (even as null).
   *
   * @throws IllegalArgumentException naming the member and the event type when it is absent
   */
  static JsonNode required(JsonNode data, String type, String name) {
    JsonNode node = data.get(name);
    if (node == null) {
      throw new IllegalArgumentException("the data of a " + type + " event has no \"" + name
          + "\", which custody-event.schema.json requires");
    }
    return node;
  }

  /** The text, or null when {@code node} is absent or no string. */
  static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** The integer, or null when {@code node} is absent or no integer a long holds. */
  static Long count(JsonNode node) {
    return node != null && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
  }
}
