package dev.custos.verify;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;

/**
 * What a {@code report-rendered} custody event recorded about one report PDF. Fields the event
 * lacks, or holds with the wrong type, are null: the check then says the event does not record them.
 *
 * @param seq the event's seq
 * @param file the report's file name
 * @param sha256 lowercase hex SHA-256 of the file
 * @param sizeBytes the file's size
 * @param signed whether it was signed
 * @param headSeq the seq of the log's head the report embeds and prints; -1 for an empty log
 * @param headHash that head's hash
 * @param signerSha256 the SHA-256 of the certificate of whoever recorded the event, null if unsigned
 */
record ReportEvent(long seq, String file, String sha256, Long sizeBytes, Boolean signed, Long headSeq,
    String headHash, String signerSha256) {
  /** The custody event type that records a rendered report. */
  static final String TYPE = LogEvent.REPORT_RENDERED;

  static ReportEvent of(CustodyEvent event) {
    LogEvent.ReportRendered report = LogEventJson.readReportRendered(event.data());
    return new ReportEvent(event.seq(), report.file(), report.sha256(), report.sizeBytes(), report.signed(), report.headSeq(),
        report.headHash(), event.actor().certificateSha256());
  }

  /** {@code custody.jsonl seq 7}: how problems name the event. */
  String name() {
    return "custody.jsonl seq " + seq;
  }
}
