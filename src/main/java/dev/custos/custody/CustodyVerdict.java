package dev.custos.custody;

import java.util.List;

/**
 * What reading a custody log found: the events that could be read, in file order, and every
 * finding. Immutable.
 *
 * @param events every line that is a readable event, in file order (also the broken ones' neighbours)
 * @param findings everything wrong, in line order; a torn last line is among them but does not
 *     break the chain
 * @param unsignedEvents how many events carry no signature
 * @param head the last whole event, or null when the log holds none
 * @param signatures who signed each readable event, against the trust anchors of the check, in file order
 */
public record CustodyVerdict(List<CustodyEvent> events, List<Finding> findings, int unsignedEvents, CustodyEvent head,
    List<EventSignature> signatures) {
  public CustodyVerdict {
    events = List.copyOf(events);
    findings = List.copyOf(findings);
    signatures = List.copyOf(signatures);
  }

  /** A verdict that says nothing of trust. */
  public CustodyVerdict(List<CustodyEvent> events, List<Finding> findings, int unsignedEvents, CustodyEvent head) {
    this(events, findings, unsignedEvents, head, List.of());
  }

  /** The events whose signature is not {@link dev.custos.crypto.Trust.Level#TRUSTED}, in file order. */
  public List<EventSignature> untrusted() {
    return signatures.stream().filter(signature -> !signature.trust().trusted()).toList();
  }

  /** Whether the chain is intact: no finding but, at most, a torn last line. */
  public boolean intact() {
    return findings.stream().noneMatch(finding -> finding.kind().breaksChain());
  }

  /** Whether every event is signed. */
  public boolean fullySigned() {
    return unsignedEvents == 0;
  }

  /** The findings that break the chain. */
  public List<Finding> breaks() {
    return findings.stream().filter(finding -> finding.kind().breaksChain()).toList();
  }
}
