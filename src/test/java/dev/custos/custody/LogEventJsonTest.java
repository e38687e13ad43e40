package dev.custos.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The data of hand-over, note, log-repaired and report-rendered events: read back as written; a required member missing refused. */
class LogEventJsonTest {
  private static final String HASH = "ab".repeat(32);
  private static final LogEvent.HeadTimestamp STAMP = new LogEvent.HeadTimestamp("4:" + HASH, "MIIB");

  @Test
  void transfer_roundTrip_readsWhatWasWritten() {
    LogEvent.Transfer transfer = new LogEvent.Transfer("Jane Doe", "Dana Roe", "cd".repeat(32), "to the lab", "Room 4", STAMP);

    assertThat(LogEventJson.readTransfer(LogEventJson.transfer(transfer))).isEqualTo(transfer);
  }

  @Test
  void transfer_noCertificateNoStamp_writesNeither() {
    ObjectNode data = LogEventJson.transfer(new LogEvent.Transfer("Jane Doe", "Dana Roe", null, null, null, null));

    assertThat(data.has("toCertificateSha256")).isFalse();
    assertThat(data.has("headTimestamp")).isFalse();
    assertThat(LogEventJson.readTransfer(data).headTimestamp()).isNull();
  }

  @Test
  void readTransfer_withoutTo_refusedNamingIt() {
    ObjectNode data = LogEventJson.transfer(new LogEvent.Transfer("Jane Doe", "Dana Roe", null, null, null, null));
    data.remove("to");

    assertThatThrownBy(() -> LogEventJson.readTransfer(data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data of a transfer event has no \"to\", which custody-event.schema.json requires");
  }

  @Test
  void transfer_toNotAString_readsAsNull() {
    ObjectNode data = LogEventJson.transfer(new LogEvent.Transfer("Jane Doe", "Dana Roe", null, null, null, null));
    data.put("to", 5);

    assertThat(LogEventJson.readTransfer(data).to()).isNull();
  }

  @Test
  void receipt_roundTrip_readsWhatWasWritten() {
    LogEvent.Receipt receipt = new LogEvent.Receipt(3L, HASH, "Jane Doe", "Room 4", "seals intact", STAMP);

    assertThat(LogEventJson.readReceipt(LogEventJson.receipt(receipt))).isEqualTo(receipt);
  }

  @Test
  void readReceipt_withoutTransferHash_refusedNamingIt() {
    ObjectNode data = LogEventJson.receipt(new LogEvent.Receipt(3L, HASH, "Jane Doe", null, null, null));
    data.remove("transferHash");

    assertThatThrownBy(() -> LogEventJson.readReceipt(data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("receipt event has no \"transferHash\"");
  }

  @Test
  void receipt_negativeTransferSeq_refused() {
    assertThatThrownBy(() -> new LogEvent.Receipt(-1L, HASH, "Jane Doe", null, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @Test
  void note_roundTrip_readsWhatWasWritten() {
    LogEvent.Note note = new LogEvent.Note("bag sealed\nno. 4711");

    assertThat(LogEventJson.readNote(LogEventJson.note(note))).isEqualTo(note);
  }

  @Test
  void readNote_withoutText_refusedNamingIt() {
    assertThatThrownBy(() -> LogEventJson.readNote(CustodyRecorder.newData())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("note event has no \"text\"");
  }

  @Test
  void logRepaired_roundTrip_readsTheTornLine() {
    TornLine torn = new TornLine("custody.jsonl.torn-1", 57, HASH, -1);

    LogEvent.LogRepaired read = LogEventJson.readLogRepaired(torn.describe());

    assertThat(read).isEqualTo(new LogEvent.LogRepaired(57L, HASH, "custody.jsonl.torn-1", -1L));
  }

  @Test
  void readLogRepaired_withoutAfterSeq_refusedNamingIt() {
    ObjectNode data = new TornLine("custody.jsonl.torn-1", 57, HASH, 3).describe();
    data.remove("afterSeq");

    assertThatThrownBy(() -> LogEventJson.readLogRepaired(data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log-repaired event has no \"afterSeq\"");
  }

  @Test
  void reportRendered_roundTrip_readsWhatWasWritten() {
    LogEvent.ReportRendered report = new LogEvent.ReportRendered(null, HASH, 12345L, true, -1L, "0".repeat(64)).named("report.pdf");

    assertThat(LogEventJson.readReportRendered(LogEventJson.reportRendered(report))).isEqualTo(report);
  }

  @Test
  void readReportRendered_withoutLogHead_refusedNamingIt() {
    ObjectNode data = LogEventJson.reportRendered(new LogEvent.ReportRendered("report.pdf", HASH, 1L, false, 0L, HASH));
    data.remove("logHead");

    assertThatThrownBy(() -> LogEventJson.readReportRendered(data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("report-rendered event has no \"logHead\"");
  }

  @Test
  void readHeadTimestamp_notAnObject_readsAsATokenOverNothing() {
    ObjectNode data = CustodyRecorder.newData().put("headTimestamp", "garbage");

    assertThat(LogEventJson.readHeadTimestamp(data)).isEqualTo(new LogEvent.HeadTimestamp(null, null));
    assertThat(LogEventJson.readHeadTimestamp(CustodyRecorder.newData())).isNull();
  }
}
