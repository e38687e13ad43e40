package dev.custos.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.Actor;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.Holding;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import java.io.PrintWriter;

/** Who holds the evidence by the log, and the state of each hand-over, as {@code report custody} prints them. */
final class HoldingLines {
  private HoldingLines() {}

  /** What the timeline row of {@code event} adds: the state of its hand-over, or why it does not count. */
  static String status(Holding holding, CustodyEvent event) {
    LogEvent.HeadTimestamp stamp = LogEventJson.readHeadTimestamp(event.data());
    return handOverStatus(holding, event) + (stamp != null
        ? "; carries an RFC 3161 token over head " + TerminalText.escape(stamp.head() == null ? "" : stamp.head())
            + " (report verify checks it)"
        : "");
  }

  private static String handOverStatus(Holding holding, CustodyEvent event) {
    for (Holding.HandOver handOver : holding.handOvers()) {
      if (handOver.transfer() == event) {
        return handOver.received() ? "; received (seq " + handOver.receipt().seq() + ")" : "; PENDING: not yet received";
      }
      if (handOver.receipt() == event) {
        return "; receipt of the transfer at seq " + handOver.transfer().seq();
      }
    }
    for (Holding.Irregular irregular : holding.irregular()) {
      if (irregular.event() == event) {
        return "; DOES NOT COUNT: " + TerminalText.escape(irregular.reason());
      }
    }
    return "";
  }

  /** The holder, a pending hand-over, and each transfer or receipt that does not count. */
  static void print(Holding holding, PrintWriter out) {
    if (holding.holder() == null) {
      return;
    }
    Holding.HandOver pending = holding.pending();
    if (pending != null) {
      out.println("Hand-over PENDING: seq " + pending.transfer().seq() + ", " + party(pending.from()) + " to "
          + party(pending.to()) + ", not yet received: until the recipient signs report receive, "
          + TerminalText.escape(pending.from().name()) + " holds the evidence and nobody can hand it over again");
    } else {
      out.println("Holder: " + party(holding.holder()) + (holding.handOvers().isEmpty() ? ", since the acquisition"
          : ", since seq " + holding.handOvers().get(holding.handOvers().size() - 1).receipt().seq()));
    }
    for (Holding.Irregular irregular : holding.irregular()) {
      out.println("Does not count: seq " + irregular.event().seq() + " " + TerminalText.escape(irregular.event().type())
          + ": " + TerminalText.escape(irregular.reason()));
    }
  }

  /** The holding as {@code report custody --json} gives it. */
  static ObjectNode json(Holding holding) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (holding.holder() == null) {
      node.putNull("holder");
    } else {
      party(node.putObject("holder"), holding.holder());
    }
    if (holding.pending() == null) {
      node.putNull("pending");
    } else {
      ObjectNode pending = node.putObject("pending").put("transferSeq", holding.pending().transfer().seq());
      party(pending.putObject("from"), holding.pending().from());
      party(pending.putObject("to"), holding.pending().to());
    }
    for (Holding.Irregular irregular : holding.irregular()) {
      node.withArray("irregular").addObject().put("seq", irregular.event().seq()).put("type", irregular.event().type())
          .put("reason", irregular.reason());
    }
    return node;
  }

  private static void party(ObjectNode node, Actor party) {
    node.put("name", party.name());
    node.put("certificateSha256", party.certificateSha256());
  }

  private static String party(Actor party) {
    return TerminalText.escape(Holding.describe(party));
  }
}
