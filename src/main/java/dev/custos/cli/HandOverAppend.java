package dev.custos.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.Actor;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.Holding;
import dev.custos.custody.LogEvent;
import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import java.nio.file.Path;

/**
 * How {@code report transfer} and {@code report receive} append their event: signed, to an intact
 * log, with the token of {@code --tsa} over the head it is appended to, and only when the {@link
 * Holding} the log shows under the append lock lets the signer. Stateless.
 */
final class HandOverAppend {
  private HandOverAppend() {}

  /** Why the signer may not append now ({@link Holding#transferRefusal}, {@link Holding#receiptRefusal}), or null. */
  @FunctionalInterface
  interface Refusal {
    String of(Holding holding, Actor signer);
  }

  /** The event's data, once the signer may append it. */
  @FunctionalInterface
  interface Data {
    ObjectNode of(Holding holding, Actor signer, LogEvent.HeadTimestamp stamp);
  }

  /**
   * Appends an event of {@code type} to the log of {@code root}, signed with {@code log}'s key.
   *
   * @param command how the command is called, for the message when no key is named
   * @throws UsageException if {@code refusal} refuses, the key is missing, or the log grew while its
   *     head was timestamped: nothing is then recorded
   * @throws CustosException as {@link CustodyRecorder#appendToIntactLog(Path, String, CustodyRecorder.EventData)}
   */
  static CustodyEvent append(Path root, SignedAppendOptions log, HeadTimestampOption timestamp, String command, String type,
      Refusal refusal, Data data) throws CustosException {
    CustodyRecorder recorder = CustodyAppends.signedRecorder(log.signing, command).acceptingSignersTrustedBy(log.trust.anchors());
    LogEvent.HeadTimestamp stamp = timestamp.fetch(root);
    return recorder.appendToIntactLog(root, type, verdict -> {
      Holding holding = Holding.of(verdict.events());
      String refused = refusal.of(holding, recorder.actor());
      if (refused != null) {
        throw new UsageException("nothing recorded: " + refused);
      }
      if (stamp != null) {
        HeadTimestamp.requireStillHead(stamp, verdict);
      }
      return data.of(holding, recorder.actor(), stamp);
    });
  }
}
