package dev.custos.report;

import dev.custos.custody.Actor;
import dev.custos.custody.Holding;

/** Who holds the evidence by the custody log at rendering: each hand-over, received or not yet, and those that do not count. */
final class HoldingSection {
  private HoldingSection() {}

  static void write(PageWriter page, Holding holding) {
    if (holding.holder() == null) {
      return;
    }
    page.down(4);
    for (Holding.HandOver handOver : holding.handOvers()) {
      page.paragraph("Hand-over #" + handOver.transfer().seq() + " from " + party(handOver.from()) + " to "
          + (handOver.received() ? handOver.to().name() + ": received at #" + handOver.receipt().seq() + ", signed by "
              + party(handOver.receipt().actor()) + "."
              : party(handOver.to()) + ": NOT YET RECEIVED. The recipient has not signed a receipt; the sender still holds"
                  + " the evidence."),
          handOver.received() ? page.body : page.bold.colored(Style.ALERT));
    }
    for (Holding.Irregular irregular : holding.irregular()) {
      page.paragraph("Event #" + irregular.event().seq() + " (" + irregular.event().type() + ") does not count: "
          + irregular.reason() + ".", page.bold.colored(Style.ALERT));
    }
    Holding.HandOver pending = holding.pending();
    page.field("Holder at rendering", pending != null
        ? pending.from().name() + " (hand-over to " + pending.to().name() + " pending)"
        : party(holding.holder()), page.bold);
  }

  private static String party(Actor party) {
    return party.name() + (party.signs() ? " (certificate SHA-256 " + party.certificateSha256() + ")"
        : " (by name only)");
  }
}
