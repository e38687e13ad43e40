/**
 * The chain-of-custody log, {@code custody.jsonl}: one event a line, each line the RFC 8785 form of
 * the event, each event hash-chained to the one before and signed by its actor.
 *
 * <p>Entry points: {@link dev.custos.custody.CustodyRecorder} (appending, under a lock, with
 * fsync; a torn last line set aside), {@link dev.custos.custody.CustodyLog} (reading and checking
 * the whole log), {@link dev.custos.custody.CustodyVerdict} and {@link dev.custos.custody.Finding}
 * (what the check found, by line), {@link dev.custos.custody.CustodyEvent}, {@link
 * dev.custos.custody.EventSignature} (who signed each event, against the verifier's trust anchors), {@link
 * dev.custos.custody.Holding} (who holds the evidence by the log: hand-overs by the holder, received
 * by the recipient), {@link dev.custos.custody.LogHead} (a head kept outside the log, checked against it),
 * {@link dev.custos.custody.LogEventJson} and {@link dev.custos.custody.CheckEventJson} (the data of
 * the hand-over, note, log-repaired, report-rendered and verification events, written from and read
 * into {@link dev.custos.custody.LogEvent}'s and {@link dev.custos.custody.CheckEvent}'s records; the
 * acquisition's events are {@code dev.custos.evidence.AcquisitionEventJson}'s), {@link
 * dev.custos.custody.SignerCertificateJson} (a signer's certificate wherever Custos names one).
 *
 * <p>The format is {@code evidence-schema/custody-event.schema.json}; every event written or read
 * is validated against it.
 */
package dev.custos.custody;
