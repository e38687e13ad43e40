package dev.custos.acquire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.digest.HashAlgorithm;
import dev.custos.digest.PieceAlgorithm;
import dev.custos.evidence.CaseInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordedStartTest {
  /** The members of an acquisition-started event's data that a resumption reads, as Custos writes them. */
  private static final String STARTED = """
      {"case":{"caseId":"2026-017","evidenceId":"HD-01","examiner":"A. Examiner","description":null,"notes":"seized 09:14"},
       "source":{"path":"/dev/sdb","kind":"block-device","model":"WDC WD5000","serial":null,"sizeBytes":500107862016,
                 "logicalSectorSize":512,"physicalSectorSize":4096},
       "parameters":{"format":"split","extension":"001","segmentSize":2147483648,"algorithms":["md5","sha256"],
                     "pieceAlgorithm":"sha256","pieceSize":67108864,"blockSize":1048576,"retries":3,"errorGranularity":4096}}
      """;

  @Test
  void of_startedEventData_givesTheRecordedSourceCaseAndParameters() throws Exception {
    RecordedStart recorded = RecordedStart.of(tree(STARTED));

    assertThat(recorded.sourcePath()).isEqualTo(Path.of("/dev/sdb"));
    assertThat(recorded.sourceSize()).isEqualTo(500_107_862_016L);
    assertThat(recorded.model()).contains("WDC WD5000");
    assertThat(recorded.serial()).isEmpty();
    assertThat(recorded.logicalSectorSize()).isEqualTo(512);
    assertThat(recorded.caseInfo()).isEqualTo(new CaseInfo("2026-017", "HD-01", "A. Examiner", null, "seized 09:14"));
    assertThat(recorded.layout().isSplit()).isTrue();
    assertThat(recorded.layout().segmentSize()).isEqualTo(2_147_483_648L);
    assertThat(recorded.algorithms()).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA_256);
    assertThat(recorded.pieceAlgorithm()).isEqualTo(PieceAlgorithm.SHA_256);
    assertThat(recorded.pieceSize()).isEqualTo(64L << 20);
    assertThat(recorded.blockSize()).isEqualTo(1 << 20);
    assertThat(recorded.retries()).isEqualTo(3);
    assertThat(recorded.errorGranularity()).isEqualTo(4096);
  }

  @Test
  void request_anotherPathNamed_readsFromItWithTheRecordedParameters() throws Exception {
    RecordedStart recorded = RecordedStart.of(tree(STARTED));

    AcquisitionRequest moved = recorded.request(Optional.of(Path.of("/dev/sdc")), Path.of("/evidence/HD-01"), true, null);
    AcquisitionRequest same = recorded.request(Optional.empty(), Path.of("/evidence/HD-01"), true, null);

    assertThat(moved.source()).isEqualTo(Path.of("/dev/sdc"));
    assertThat(same.source()).isEqualTo(Path.of("/dev/sdb"));
    assertThat(moved.algorithms()).isEqualTo(List.of(HashAlgorithm.MD5, HashAlgorithm.SHA_256));
    assertThat(moved.pieceSize()).isEqualTo(64L << 20);
  }

  @Test
  void of_sizeNotAnInteger_isRefusedNamingTheMember() throws Exception {
    JsonNode data = tree(STARTED.replace("\"sizeBytes\":500107862016", "\"sizeBytes\":\"500107862016\""));

    assertThatIllegalArgumentException().isThrownBy(() -> RecordedStart.of(data))
        .withMessage("sizeBytes is not recorded as an integer");
  }

  @Test
  void of_noPieceAlgorithm_isRefusedNamingTheMember() throws Exception {
    JsonNode data = tree(STARTED.replace("\"pieceAlgorithm\":\"sha256\",", ""));

    assertThatIllegalArgumentException().isThrownBy(() -> RecordedStart.of(data)).withMessage("pieceAlgorithm is not recorded");
  }

  private static JsonNode tree(String json) throws Exception {
    return new ObjectMapper().readTree(json);
  }
}
