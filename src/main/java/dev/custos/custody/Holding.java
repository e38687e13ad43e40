package dev.custos.custody;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Who holds the evidence by its custody log, computed from the events in order ({@link #of}).
 * Immutable.
 *
 * <p>The first holder is the actor of the log's first event (the acquiring examiner). A {@code
 * transfer} counts only when its signer is the holder and no hand-over is pending; it names a
 * recipient ({@code data.to}, and {@code data.toCertificateSha256} when the sender named the
 * recipient's certificate). The hand-over is pending until a {@code receipt} that acknowledges
 * that transfer (by its seq and hash) is signed by the recipient; its signer is then the holder.
 * A party is matched by certificate fingerprint whenever one is known: the holder's is the
 * fingerprint of the key that signed the acquisition or the receipt; a recipient's is the one the
 * transfer named. A party known only by name (an unsigned acquisition, a transfer that named no
 * certificate) is matched by the exact name in the signer's certificate, and that match binds the
 * fingerprint from then on. A transfer or receipt that does not count is listed as irregular, with
 * why: the log holds it, but it moved nothing.
 *
 * @param holder who holds the evidence, or null when the log holds no event
 * @param pending the hand-over not yet received, or null
 * @param handOvers every hand-over that counted, in log order (the pending one last)
 * @param irregular every transfer or receipt that did not count, in log order
 */
public record Holding(Actor holder, HandOver pending, List<HandOver> handOvers, List<Irregular> irregular) {
  public Holding {
    handOvers = List.copyOf(handOvers);
    irregular = List.copyOf(irregular);
  }

  /**
   * A hand-over that counted.
   *
   * @param transfer the transfer event
   * @param from who handed over (the holder then)
   * @param to the recipient as the transfer named them: a name, and a certificate fingerprint when named
   * @param receipt the recipient's receipt, or null while pending
   */
  public record HandOver(CustodyEvent transfer, Actor from, Actor to, CustodyEvent receipt) {
    public HandOver {
      Objects.requireNonNull(transfer, "transfer");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    /** Whether the recipient has signed its receipt. */
    public boolean received() {
      return receipt != null;
    }
  }

  /**
   * A transfer or receipt that moved nothing.
   *
   * @param event the event
   * @param reason why it does not count, a clause such as {@code the signer, Alex (…), is not the holder, Dana (…)}
   */
  public record Irregular(CustodyEvent event, String reason) {}

  /** The holding after {@code events}, in log order. */
  public static Holding of(List<CustodyEvent> events) {
    Actor holder = events.isEmpty() ? null : events.get(0).actor();
    HandOver pending = null;
    List<HandOver> handOvers = new ArrayList<>();
    List<Irregular> irregular = new ArrayList<>();
    for (CustodyEvent event : events) {
      if (event.type().equals(LogEvent.TRANSFER)) {
        String refusal = transferRefusal(holder, pending, event.actor());
        Actor to = refusal == null ? recipient(LogEventJson.readTransfer(event.data())) : null;
        if (refusal == null && to == null) {
          refusal = "the transfer names no valid recipient";
        }
        if (refusal != null) {
          irregular.add(new Irregular(event, refusal));
          continue;
        }
        pending = new HandOver(event, bound(holder, event.actor()), to, null);
        handOvers.add(pending);
      } else if (event.type().equals(LogEvent.RECEIPT)) {
        String refusal = receiptRefusal(pending, event.actor());
        if (refusal == null && !acknowledges(LogEventJson.readReceipt(event.data()), pending.transfer())) {
          refusal = "the receipt does not acknowledge the pending transfer (seq " + pending.transfer().seq() + ") by its hash";
        }
        if (refusal != null) {
          irregular.add(new Irregular(event, refusal));
          continue;
        }
        handOvers.set(handOvers.size() - 1, new HandOver(pending.transfer(), pending.from(), pending.to(), event));
        holder = event.actor();
        pending = null;
      }
    }
    return new Holding(holder, pending, handOvers, irregular);
  }

  /**
   * Why {@code signer} may not record a transfer now, as a clause, or null when it may: it must be
   * the holder, and no hand-over may be pending.
   */
  public String transferRefusal(Actor signer) {
    return transferRefusal(holder, pending, signer);
  }

  /**
   * Why {@code signer} may not record a receipt now, as a clause, or null when it may: a hand-over
   * must be pending, and {@code signer} must be its recipient.
   */
  public String receiptRefusal(Actor signer) {
    return receiptRefusal(pending, signer);
  }

  /** Whether {@code signer} is {@code party}: by fingerprint when the party's is known, else by exact name. */
  public static boolean matches(Actor signer, Actor party) {
    if (!signer.signs()) {
      return false;
    }
    return party.signs() ? party.certificateSha256().equals(signer.certificateSha256()) : party.name().equals(signer.name());
  }

  private static String transferRefusal(Actor holder, HandOver pending, Actor signer) {
    if (!signer.signs()) {
      return "the event is unsigned: only the holder's signature shows that the holder handed the evidence over";
    }
    if (pending != null) {
      return "a hand-over to " + pending.to().name() + " (seq " + pending.transfer().seq()
          + ") is pending: until the recipient signs report receive, nobody can hand the evidence over";
    }
    if (holder == null || !matches(signer, holder)) {
      return "the signer, " + describe(signer) + ", is not the holder, " + (holder == null ? "nobody" : describe(holder));
    }
    return null;
  }

  private static String receiptRefusal(HandOver pending, Actor signer) {
    if (!signer.signs()) {
      return "the event is unsigned: only the recipient's signature shows that they received the evidence";
    }
    if (pending == null) {
      return "no hand-over is pending";
    }
    if (!matches(signer, pending.to())) {
      return "the signer, " + describe(signer) + ", is not the recipient of the pending transfer (seq "
          + pending.transfer().seq() + "), " + describe(pending.to());
    }
    return null;
  }

  /** {@code Name (certificate SHA-256 abcd…)}, or {@code Name (by name only)}. */
  public static String describe(Actor party) {
    return party.name() + (party.signs() ? " (certificate SHA-256 " + party.certificateSha256() + ")" : " (by name only)");
  }

  /** The holder who sent: the fingerprint of the signer once a party known by name only signed. */
  private static Actor bound(Actor holder, Actor signer) {
    return holder.signs() ? holder : signer;
  }

  private static Actor recipient(LogEvent.Transfer transfer) {
    if (transfer.to() == null || transfer.to().isBlank()) {
      return null;
    }
    try {
      return new Actor(transfer.to(), transfer.toCertificateSha256());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean acknowledges(LogEvent.Receipt receipt, CustodyEvent transfer) {
    return receipt.transferSeq() != null && receipt.transferSeq() == transfer.seq() && transfer.hash().equals(receipt.transferHash());
  }
}
