package dev.custos.report;

import dev.custos.custody.CustodyEvent;
import dev.custos.custody.Holding;
import dev.custos.evidence.TimeDisplay;
import java.util.List;

/** The chain-of-custody timeline, the log's head at rendering, and the signature block. */
final class CustodySections {
  /** Holds a UTC time in the mono face; a local time below it wraps before its offset. */
  private static final float TIME_WIDTH = 134;

  private CustodySections() {}

  static void write(PageWriter page, ReportInput input, TimeDisplay times) {
    page.heading("Chain of custody");
    page.paragraph("Every step taken with the evidence is a line in the custody log (custody.jsonl, attached). Each "
        + "line holds the hash of the line before it, so a line edited, removed, inserted or moved is detected; "
        + "each is signed by whoever recorded it."
        + (times.showsLocal() ? " Below each UTC time, the same instant in local time in " + times.zoneName() + "." : ""), page.body);
    page.down(3);
    if (input.unsignedEvents() > 0) {
      boolean all = input.unsignedEvents() >= input.events().size();
      page.paragraph((all ? "The custody log is UNSIGNED: none of its " : "The custody log is partly UNSIGNED: ")
          + Formats.plural(input.unsignedEvents(), "event carries", "events carry") + " no signature"
          + (all ? "." : " (marked UNSIGNED below).") + " An unsigned event does not prove who recorded it.",
          page.bold.colored(Style.ALERT));
      page.down(3);
    }
    List<CustodyEvent> events = input.events();
    if (events.isEmpty()) {
      page.paragraph("The custody log holds no events.", page.bold.colored(Style.ALERT));
    } else {
      float width = page.width();
      Style fixed = page.mono.sized(8.5f);
      Table table = new Table(page, List.of(
          new Table.Column("#", 28, fixed),
          new Table.Column("Time (UTC)", TIME_WIDTH, fixed),
          new Table.Column("Who", 104, page.body),
          new Table.Column("What", width - 28 - TIME_WIDTH - 104, page.body)));
      for (CustodyEvent event : events) {
        table.row(Long.toString(event.seq()), time(times, event.time()), event.actor().name()
            + (event.signed() ? " [" + event.actor().certificateSha256().substring(0, 8) + "]" : ""), EventFacts.describe(event));
      }
      table.end();
      signers(page, events);
      HoldingSection.write(page, Holding.of(events));
    }
    head(page, input.head(), times);
    signature(page, input.signature());
  }

  /**
   * Every certificate that signed an event, by its full SHA-256 (the Who column shows its first 8
   * digits): two signers named alike are two lines here.
   */
  private static void signers(PageWriter page, List<CustodyEvent> events) {
    java.util.Map<String, String> signers = new java.util.LinkedHashMap<>();
    for (CustodyEvent event : events) {
      if (event.signed()) {
        signers.putIfAbsent(event.actor().certificateSha256(), event.actor().name());
      }
    }
    if (signers.isEmpty()) {
      return;
    }
    page.down(4);
    page.paragraph("Signers of the log, by the SHA-256 of their certificates (its first 8 digits are shown in brackets "
        + "above). Each chain and its lab CA are in examiner.pem and certificates/; report verify --trust LAB-CA.pem "
        + "checks them against the lab's own CA.", page.body);
    signers.forEach((sha256, name) -> page.field(name, Formats.hexGroups(sha256, 4), page.mono));
  }

  /** UTC on the first line of the cell and the local time below it: the column stays narrow. */
  private static String time(TimeDisplay times, java.time.Instant instant) {
    return dev.custos.evidence.EvidenceClock.format(instant) + times.local(instant).map(local -> "\n" + local).orElse("");
  }

  private static void head(PageWriter page, CustodyEvent head, TimeDisplay times) {
    page.down(4);
    page.ensure(4 * page.body.leading());
    if (head == null) {
      page.paragraph("Log head at rendering: none (the log was empty).", page.bold);
      return;
    }
    page.field("Log head at rendering", "event " + head.seq() + ", recorded " + times.of(head.time()), page.bold);
    page.field("Hash of that event", Formats.hexGroups(head.hash(), 4), page.mono);
    page.field("To keep as a log head", "report verify --head " + head.seq() + ":HASH, the hash above (its spaces may stay)",
        page.body);
    page.down(2);
    page.paragraph("A copy of the log found later with fewer events, or whose event " + head.seq()
        + " has another hash, has been cut or altered after this report was made.", page.body);
  }

  private static void signature(PageWriter page, SignatureBlock signature) {
    page.heading("Signature");
    if (!signature.signed()) {
      page.paragraph("UNSIGNED", new Style(page.fonts.bold, 14, Style.ALERT));
      page.paragraph("This report carries no digital signature: nothing in it proves who made it or that it has not "
          + "been changed since. Examiner named in the manifest: " + signature.signerName() + ".", page.body);
      return;
    }
    page.paragraph("This report is digitally signed (PAdES). A PDF reader shows whether the signature is valid "
        + "and whether the document changed after signing. Who signed is proven only when the certificate chains to "
        + "the lab CA the reader trusts: compare the issuer's SHA-256 below with the lab's own record of its CA.", page.body);
    page.down(3);
    page.field("Signed by", signature.signerName(), page.bold);
    page.field("Certificate SHA-256", Formats.hexGroups(signature.certificateSha256(), 4), page.mono);
    page.field("Issuer", signature.issuer() == null ? Formats.NOT_RECORDED : signature.issuer());
    if (signature.issuerSha256() != null) {
      page.field("Issuer SHA-256", Formats.hexGroups(signature.issuerSha256(), 4), page.mono);
      page.field("Issuer serial", signature.issuerSerial(), page.mono);
    }
    page.field("Time-stamp authority", signature.timestampAuthority() == null
        ? "none: the signing time is the signer's own clock" : signature.timestampAuthority());
  }
}
