package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-over moves the evidence only from its holder to the recipient the transfer names, and only
 * once the recipient signs: {@code report transfer} by the holder, pending until {@code report
 * receive} by the recipient's key.
 */
class HandOverTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path keys;
  @TempDir static Path otherLab;
  private static Identities.KeyFile jane;
  private static Identities.KeyFile dana;
  private static Identities.KeyFile alex;
  /**
   * Another key in Dana's name under the same lab CA, as anyone who can use the lab's CA can make
   * with report keygen --name "Dana Roe" (one under another lab's CA is refused before the holder
   * is even asked: see receive_byAKeyOfAnotherLab_refusedUnlessTrustNamesItsCa).
   */
  private static Identities.KeyFile impostor;
  /** Dana's name under another lab's CA. */
  private static Identities.KeyFile otherLabDana;
  private static Path danaPem;

  @TempDir Path temp;
  private Path evidence;

  @BeforeAll
  static void makeKeys() {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
    dana = Identities.keygen(keys, "dana", "Dana Roe");
    alex = Identities.keygen(keys, "alex", "Alex Poe");
    impostor = Identities.keygen(keys, "dana-impostor", "Dana Roe");
    otherLabDana = Identities.keygen(otherLab, "dana", "Dana Roe");
    danaPem = keys.resolve("dana.pem");
    ExternalTool.ok("openssl", "pkcs12", "-in", dana.p12().toString(), "-passin", "file:" + dana.passwordFile(),
        "-nokeys", "-clcerts", "-out", danaPem.toString());
  }

  @BeforeEach
  void acquire() {
    evidence = temp.resolve("evidence");
    Cli.Run run = Evidence.acquireFloppy(evidence, jane.options());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private Cli.Run report(Identities.KeyFile key, String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "report";
    command[1] = args[0];
    command[2] = evidence.toString();
    System.arraycopy(args, 1, command, 3, args.length - 1);
    return Cli.run(Cli.join(command, key.options()));
  }

  /**
   * The report's text in one line, without the running header and footer of each page: a sentence
   * that a page break splits still reads as one.
   */
  private static String bodyText(Path pdf) {
    return ExternalTool.ok("pdftotext", pdf.toString(), "-").replace('\f', '\n').lines()
        .filter(line -> !line.startsWith("Custos acquisition report \u00b7") && !line.contains(" UTC page ")
            && !line.contains("\u00b7 rendered ") && !line.matches("page \\d+ of \\d+"))
        .collect(java.util.stream.Collectors.joining(" ")).replaceAll("\\s+", " ");
  }

  private Cli.Run custody() {
    return Cli.run("report", "custody", evidence.toString());
  }

  @Test
  void transfer_byNonHolder_refusedOneLineExit2_logUnchanged() throws IOException {
    byte[] before = Files.readAllBytes(evidence.resolve("custody.jsonl"));

    Cli.Run run = report(alex, "transfer", "--to", "Alex Poe");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).hasLineCount(1).startsWith("report transfer: nothing recorded: the signer, Alex Poe (certificate SHA-256 ")
        .contains("is not the holder, Jane Doe (certificate SHA-256 ");
    assertThat(Files.readAllBytes(evidence.resolve("custody.jsonl"))).isEqualTo(before);
  }

  @Test
  void transfer_thenReceive_pendingThenReceived_secondTransferWhilePendingRefused_chainIntact() throws IOException {
    Cli.Run transfer = report(jane, "transfer", "--to", "Dana Roe", "--to-certificate", danaPem.toString(),
        "--reason", "analysis");
    assertThat(transfer.exitCode()).as(transfer.err()).isZero();
    Cli.Run pending = custody();
    assertThat(report(jane, "render").exitCode()).isZero();
    byte[] afterTransfer = Files.readAllBytes(evidence.resolve("custody.jsonl"));

    Cli.Run again = report(jane, "transfer", "--to", "Alex Poe");
    Cli.Run receive = report(dana, "receive", "--location", "Lab 2");
    Cli.Run received = custody();
    assertThat(report(dana, "render").exitCode()).isZero();

    assertThat(pending.exitCode()).isZero();
    assertThat(pending.out()).contains("Evidence handed over from Jane Doe to Dana Roe", "PENDING: not yet received", "Hand-over PENDING: seq 3,")
        .contains("not yet received").doesNotContain("Holder:");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).hasLineCount(1)
        .startsWith("report transfer: nothing recorded: a hand-over to Dana Roe (seq 3) is pending");
    assertThat(receive.exitCode()).as(receive.err()).isZero();
    assertThat(receive.out()).contains("Recorded receipt as seq 5 by Dana Roe", "Log head: 5:");
    assertThat(received.exitCode()).isZero();
    assertThat(received.out()).contains("received (seq 5)", "receipt of the transfer at seq 3",
        "Holder: Dana Roe (certificate SHA-256 " + fingerprint(danaPem) + "), since seq 5", "Verdict: INTACT")
        .doesNotContain("PENDING");
    List<JsonNode> events = Evidence.custodyEvents(evidence);
    assertThat(events).extracting(event -> event.path("type").asText())
        .containsExactly("acquisition-started", "acquisition-completed", "report-rendered", "transfer", "report-rendered",
            "receipt", "report-rendered");
    assertThat(events.get(3).path("data").path("toCertificateSha256").asText()).isEqualTo(fingerprint(danaPem));
    assertThat(events.get(5).path("data").path("transferHash").asText()).isEqualTo(events.get(3).path("hash").asText());
    String pendingPdf = bodyText(evidence.resolve("report-2.pdf"));
    String receivedPdf = bodyText(evidence.resolve("report-3.pdf"));
    assertThat(pendingPdf).contains("Hand-over #3 from Jane Doe", "NOT YET RECEIVED", "Holder at rendering Jane Doe (hand-over to Dana Roe pending)");
    assertThat(receivedPdf).contains("to Dana Roe: received at #5, signed by Dana Roe (certificate SHA-256 " + fingerprint(danaPem))
        .doesNotContain("NOT YET RECEIVED");
    assertThat(receivedPdf).contains("report verify --head 5:HASH", events.get(5).path("hash").asText().replaceAll("(.{8})(?!$)", "$1 "));
    assertThat(Files.readAllBytes(evidence.resolve("custody.jsonl"))).startsWith(afterTransfer);
    Cli.Run verify = Cli.run("report", "verify", evidence.toString(), "--no-record");
    assertThat(verify.exitCode()).as(verify.out()).isZero();
  }

  @Test
  void afterReceipt_theRecipientHandsOver_theOldHolderNoLonger() {
    assertThat(report(jane, "transfer", "--to", "Dana Roe", "--to-certificate", danaPem.toString()).exitCode()).isZero();
    assertThat(report(dana, "receive").exitCode()).isZero();

    Cli.Run old = report(jane, "transfer", "--to", "Alex Poe");
    Cli.Run holder = report(dana, "transfer", "--to", "Alex Poe");

    assertThat(old.exitCode()).isEqualTo(2);
    assertThat(old.err()).hasLineCount(1).contains("the signer, Jane Doe (certificate SHA-256 ")
        .contains("is not the holder, Dana Roe (certificate SHA-256 " + fingerprint(danaPem) + ")");
    assertThat(holder.exitCode()).as(holder.err()).isZero();
  }

  @Test
  void receive_byAnotherKeyInTheRecipientsName_refusedWhenTheTransferNamedTheCertificate() throws IOException {
    assertThat(report(jane, "transfer", "--to", "Dana Roe", "--to-fingerprint", fingerprint(danaPem).toUpperCase(Locale.ROOT))
        .exitCode()).isZero();
    byte[] before = Files.readAllBytes(evidence.resolve("custody.jsonl"));

    Cli.Run byImpostor = report(impostor, "receive");
    Cli.Run byAlex = report(alex, "receive");
    Cli.Run byOldHolder = report(jane, "receive");

    for (Cli.Run run : List.of(byImpostor, byAlex, byOldHolder)) {
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).hasLineCount(1).startsWith("report receive: nothing recorded: the signer, ")
          .contains("is not the recipient of the pending transfer (seq 3), Dana Roe (certificate SHA-256 " + fingerprint(danaPem));
    }
    assertThat(Files.readAllBytes(evidence.resolve("custody.jsonl"))).isEqualTo(before);
    assertThat(report(dana, "receive").exitCode()).isZero();
  }

  /** The documented limit: a transfer that names no certificate goes to the first key in that name that receives. */
  @Test
  void receive_transferNamingNoCertificate_firstKeyInTheNameReceives_andIsBound() throws IOException {
    Cli.Run transfer = report(jane, "transfer", "--to", "Dana Roe");
    assertThat(transfer.out()).contains("no certificate named: any key whose certificate names Dana Roe can receive");

    Cli.Run byAlex = report(alex, "receive");
    Cli.Run byImpostor = report(impostor, "receive");
    Cli.Run byDana = report(dana, "receive");
    Cli.Run danaTransfers = report(dana, "transfer", "--to", "Alex Poe");

    assertThat(byAlex.exitCode()).isEqualTo(2);
    assertThat(byAlex.err()).contains("is not the recipient of the pending transfer (seq 3), Dana Roe (by name only)");
    assertThat(byImpostor.exitCode()).as(byImpostor.err()).isZero();
    assertThat(byDana.exitCode()).isEqualTo(2);
    assertThat(byDana.err()).contains("no hand-over is pending");
    assertThat(danaTransfers.exitCode()).as("the receipt bound the impostor's certificate, not the name").isEqualTo(2);
    String impostorFingerprint = Evidence.custodyEvents(evidence).get(4).path("actor").path("certificateSha256").asText();
    assertThat(custody().out()).contains("Holder: Dana Roe (certificate SHA-256 " + impostorFingerprint + ")");
    assertThat(impostorFingerprint).isNotEqualTo(fingerprint(danaPem));
  }

  /** A key of another lab is not the lab's Dana, whatever its name, unless --trust names that lab's CA: a hand-over between labs. */
  @Test
  void receive_byAKeyOfAnotherLab_refusedUnlessTrustNamesItsCa() {
    report(jane, "transfer", "--to", "Dana Roe");

    Cli.Run refused = report(otherLabDana, "receive");
    Cli.Run accepted = report(otherLabDana, "receive", "--trust", otherLab.resolve("lab-ca.pem").toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).hasLineCount(1).contains("not to the root of the log's first signer Jane Doe");
    assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    assertThat(custody().out()).contains("Holder: Dana Roe");
  }

  @Test
  void receive_nothingPending_refused() {
    Cli.Run run = report(jane, "receive");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("report receive: nothing recorded: no hand-over is pending\n");
  }

  @Test
  void transfer_certificateOfSomeoneElse_refused() {
    Cli.Run run = report(jane, "transfer", "--to", "Alex Poe", "--to-certificate", danaPem.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).contains("--to names Alex Poe, but the certificate " + danaPem + " is Dana Roe's");
  }

  /** A log written by hand (or an older Custos): a transfer by a non-holder is shown, and does not count. */
  @Test
  void custody_transferByNonHolderInTheLog_shownAsNotCounting() throws Exception {
    dev.custos.custody.CustodyRecorder.signed(dev.custos.crypto.ExaminerIdentity.load(alex.p12(),
            "correct horse battery staple".toCharArray(), java.time.Instant.now()),
        dev.custos.evidence.HostInfo.current(), dev.custos.evidence.ToolInfo.current(), dev.custos.evidence.EvidenceClock.system())
        .append(evidence, "transfer", dev.custos.custody.CustodyRecorder.newData().put("from", "Alex Poe").put("to", "Alex Poe"));

    Cli.Run run = custody();
    Cli.Run json = Cli.run("report", "custody", evidence.toString(), "--json");

    assertThat(run.out()).contains("DOES NOT COUNT: the signer, Alex Poe", "Holder: Jane Doe (certificate SHA-256 ",
        "Does not count: seq 3 transfer: the signer, Alex Poe");
    JsonNode holding = JSON.readTree(json.out()).path("holding");
    assertThat(holding.path("holder").path("name").asText()).isEqualTo("Jane Doe");
    assertThat(holding.path("irregular").get(0).path("seq").asLong()).isEqualTo(3);
  }

  private static String fingerprint(Path pem) {
    return ExternalTool.ok("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256")
        .replaceFirst("(?s).*=", "").replace(":", "").strip().toLowerCase(Locale.ROOT);
  }
}
