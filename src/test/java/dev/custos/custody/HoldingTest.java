package dev.custos.custody;

import static dev.custos.custody.CustodyFixtures.recorder;
import static dev.custos.custody.CustodyFixtures.unsignedRecorder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.testing.TestSigner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who holds the evidence, by the custody log's events alone. */
class HoldingTest {
  @TempDir Path directory;

  private static final TestSigner JANE = TestSigner.named("Jane Doe");
  private static final TestSigner DANA = TestSigner.named("Dana Roe");
  private static final TestSigner OTHER_DANA = TestSigner.named("Dana Roe");

  private static ObjectNode transferTo(String name, String certificate) {
    ObjectNode data = CustodyRecorder.newData().put("from", "x").put("to", name);
    return certificate == null ? data : data.put("toCertificateSha256", certificate);
  }

  private static ObjectNode receiptOf(CustodyEvent transfer) {
    return CustodyRecorder.newData().put("transferSeq", transfer.seq()).put("transferHash", transfer.hash()).put("from", "x");
  }

  private Holding holding() throws Exception {
    return Holding.of(CustodyLog.check(directory).events());
  }

  @Test
  void of_acquisitionOnly_theAcquiringSignerHolds_byCertificate() throws Exception {
    recorder(JANE).append(directory, "acquisition-started-like", CustodyRecorder.newData());

    Holding holding = holding();

    assertThat(holding.holder()).isEqualTo(new Actor("Jane Doe", JANE.certificateSha256()));
    assertThat(holding.pending()).isNull();
    assertThat(holding.transferRefusal(new Actor("Jane Doe", OTHER_DANA.certificateSha256())))
        .startsWith("the signer, Jane Doe (certificate SHA-256 " + OTHER_DANA.certificateSha256() + "), is not the holder");
    assertThat(holding.transferRefusal(new Actor("Jane Doe", JANE.certificateSha256()))).isNull();
  }

  @Test
  void of_receiptAcknowledgingAnotherHash_doesNotCount_stillPending() throws Exception {
    recorder(JANE).append(directory, "note", CustodyFixtures.note("acquired"));
    CustodyEvent transfer = recorder(JANE).append(directory, "transfer", transferTo("Dana Roe", DANA.certificateSha256()));
    recorder(DANA).append(directory, "receipt", CustodyRecorder.newData().put("transferSeq", transfer.seq())
        .put("transferHash", "0".repeat(64)).put("from", "x"));

    Holding holding = holding();

    assertThat(holding.pending().transfer()).isEqualTo(transfer);
    assertThat(holding.irregular()).singleElement().satisfies(irregular ->
        assertThat(irregular.reason()).isEqualTo("the receipt does not acknowledge the pending transfer (seq 1) by its hash"));
  }

  @Test
  void of_unsignedAcquisition_holderByNameOnly_firstSignedTransferInThatNameBindsIt() throws Exception {
    unsignedRecorder("Jane Doe").append(directory, "note", CustodyFixtures.note("acquired unsigned"));
    unsignedRecorder("Jane Doe").append(directory, "transfer", transferTo("Dana Roe", null));
    CustodyEvent transfer = recorder(JANE).append(directory, "transfer", transferTo("Dana Roe", null));
    recorder(OTHER_DANA).append(directory, "receipt", receiptOf(transfer));

    Holding holding = holding();

    assertThat(holding.irregular()).extracting(irregular -> irregular.event().seq()).containsExactly(1L);
    assertThat(holding.irregular().get(0).reason()).startsWith("the event is unsigned");
    assertThat(holding.handOvers()).singleElement().satisfies(handOver -> {
      assertThat(handOver.from()).isEqualTo(new Actor("Jane Doe", JANE.certificateSha256()));
      assertThat(handOver.to()).isEqualTo(new Actor("Dana Roe", null));
      assertThat(handOver.received()).isTrue();
    });
    assertThat(holding.holder().certificateSha256()).isEqualTo(OTHER_DANA.certificateSha256());
    assertThat(holding.transferRefusal(new Actor("Dana Roe", DANA.certificateSha256()))).contains("is not the holder");
  }

  @Test
  void of_transferNamingNoValidRecipient_doesNotCount() throws Exception {
    recorder(JANE).append(directory, "note", CustodyFixtures.note("acquired"));
    recorder(JANE).append(directory, "transfer", CustodyRecorder.newData().put("from", "Jane Doe").put("to", " "));

    Holding holding = holding();

    assertThat(holding.pending()).isNull();
    assertThat(holding.irregular()).extracting(Holding.Irregular::reason)
        .isEqualTo(List.of("the transfer names no valid recipient"));
  }
}
