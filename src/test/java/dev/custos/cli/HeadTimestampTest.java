package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.crypto.Certificates;
import dev.custos.crypto.ExaminerIdentity;
import dev.custos.crypto.TimestampAuthority;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.LogHead;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.Identities;
import dev.custos.testing.LocalTimestampAuthority;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tsa} on a hand-over: the transfer and the receipt carry an RFC 3161 token over the log
 * head they are appended to, checked by {@code report verify} and by {@code openssl ts -verify}; a
 * token fetched later than the event that carries it (a log rebuilt afterwards) is found.
 */
class HeadTimestampTest {
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir static Path keys;
  private static Identities.KeyFile jane;
  private static Identities.KeyFile dana;
  private static LocalTimestampAuthority tsa;

  @TempDir Path temp;

  @BeforeAll
  static void start() throws Exception {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
    dana = Identities.keygen(keys, "dana", "Dana Roe");
    tsa = LocalTimestampAuthority.start();
  }

  @AfterAll
  static void stop() {
    tsa.close();
  }

  @Test
  void transferAndReceive_withTsa_tokensOverTheHeadBefore_verifiedByReportVerifyAndOpenssl() throws Exception {
    Path evidence = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(evidence, jane.options()).exitCode()).isZero();

    Cli.Run transfer = Cli.run(Cli.join(new String[] {"report", "transfer", evidence.toString(), "--to", "Dana Roe",
        "--tsa", tsa.url()}, jane.options()));
    Cli.Run receive = Cli.run(Cli.join(new String[] {"report", "receive", evidence.toString(), "--tsa", tsa.url()}, dana.options()));
    Cli.Run verify = Cli.run("report", "verify", evidence.toString(), "--no-record");
    Cli.Run custody = Cli.run("report", "custody", evidence.toString());

    assertThat(transfer.exitCode()).as(transfer.err()).isZero();
    assertThat(receive.exitCode()).as(receive.err()).isZero();
    assertThat(verify.exitCode()).as(verify.out()).isZero();
    assertThat(verify.out()).contains("2 of 2 head timestamps verify");
    List<JsonNode> events = Evidence.custodyEvents(evidence);
    assertThat(custody.out()).contains("carries an RFC 3161 token over head 2:" + events.get(2).path("hash").asText());
    Path tsaPem = Files.writeString(temp.resolve("tsa.pem"), Certificates.toPem(List.of(tsa.certificate())), StandardCharsets.US_ASCII);
    for (int seq : new int[] {3, 4}) {
      JsonNode stamp = events.get(seq).path("data").path("headTimestamp");
      String head = (seq - 1) + ":" + events.get(seq - 1).path("hash").asText();
      assertThat(stamp.path("head").asText()).isEqualTo(head);
      Path data = Files.writeString(temp.resolve("head-" + seq), head, StandardCharsets.US_ASCII);
      Path token = Files.write(temp.resolve("token-" + seq + ".der"), Base64.getDecoder().decode(stamp.path("token").asText()));
      assertThat(ExternalTool.ok("openssl", "ts", "-verify", "-token_in", "-in", token.toString(), "-data", data.toString(),
          "-CAfile", tsaPem.toString())).contains("Verification: OK");
    }
  }

  /** The holder rebuilds a log later and stamps it then: the token is dated after the event that claims to carry it. */
  @Test
  void verify_tokenFetchedLaterThanTheEventClaims_fails() throws Exception {
    Path evidence = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(evidence, jane.options()).exitCode()).isZero();
    LogHead head = LogHead.of(CustodyLog.check(evidence).head());
    byte[] token = new TimestampAuthority(URI.create(tsa.url())).timestamp(head.toString().getBytes(StandardCharsets.US_ASCII));
    Instant backdated = Instant.now().minus(Duration.ofHours(2));
    var data = CustodyRecorder.newData().put("from", "Jane Doe").put("to", "Dana Roe");
    data.putObject("headTimestamp").put("head", head.toString()).put("token", Base64.getEncoder().encodeToString(token));
    CustodyRecorder.signed(ExaminerIdentity.load(jane.p12(), PASSWORD.toCharArray(), Instant.now()), HostInfo.current(),
        ToolInfo.current(), () -> backdated).append(evidence, "transfer", data);

    Cli.Run verify = Cli.run("report", "verify", evidence.toString(), "--no-record");

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).contains("custody event seq 3: its head timestamp by Custos test TSA is of ",
        "the token was fetched later than the event claims to be", "0 of 1 head timestamps verify");
  }
}
