package dev.custos.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data of verification, image-verified and source-verified events: read back as written; a required member missing refused. */
class CheckEventJsonTest {
  private static final Instant STARTED = Instant.parse("2026-12-02T10:00:00.123Z");
  private static final Instant ENDED = Instant.parse("2026-12-02T10:05:00.000Z");

  private static CheckEvent.Verification verification(Map<String, String> digests) {
    Map<String, String> checks = new LinkedHashMap<>();
    checks.put("manifest", "pass");
    checks.put("image", "fail");
    return new CheckEvent.Verification("not-verified", null, STARTED, ENDED, checks, digests, digests == null ? null : 2L,
        "/dev/sdb", 3, List.of("image.ima piece 4 differs", "image.ima piece 9 differs"));
  }

  private static CheckEvent.AfterAcquisition afterAcquisition(CheckEvent.Pieces pieces) {
    return new CheckEvent.AfterAcquisition(CheckEvent.IMAGE, STARTED, ENDED, "image.ima, with O_DIRECT", false,
        List.of(new CheckEvent.DigestCheck("sha256", "ab".repeat(32), "cd".repeat(32), false)), pieces, 1474560,
        "1 of 2 pieces differ", 1, List.of("piece 1 differs"));
  }

  @Test
  void verification_roundTrip_readsWhatWasWritten_inOrder() {
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("sha256", "cd".repeat(32));
    digests.put("md5", "ef".repeat(16));
    CheckEvent.Verification written = verification(digests);

    CheckEvent.Verification read = CheckEventJson.readVerification(CheckEventJson.verification(written));

    assertThat(read).isEqualTo(written);
    assertThat(read.checks().keySet()).containsExactly("manifest", "image");
    assertThat(read.digests().keySet()).containsExactly("sha256", "md5");
  }

  @Test
  void verification_withoutImage_writesNoDigests_readsNull() {
    ObjectNode data = CheckEventJson.verification(verification(null));

    assertThat(data.has("digests")).isFalse();
    assertThat(data.has("acquired")).isFalse();
    assertThat(CheckEventJson.readVerification(data).digests()).isNull();
  }

  @Test
  void readVerification_withoutProblemCount_refusedNamingIt() {
    ObjectNode data = CheckEventJson.verification(verification(null));
    data.remove("problemCount");

    assertThatThrownBy(() -> CheckEventJson.readVerification(data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the data of a verification event has no \"problemCount\", which custody-event.schema.json requires");
  }

  @Test
  void afterAcquisition_roundTrip_readsWhatWasWritten() {
    CheckEvent.AfterAcquisition written = afterAcquisition(new CheckEvent.Pieces("sha256", 2, 1));

    assertThat(CheckEventJson.readAfterAcquisition(CheckEventJson.afterAcquisition(written))).isEqualTo(written);
  }

  @Test
  void afterAcquisition_nothingReRead_piecesNull() {
    CheckEvent.AfterAcquisition written = afterAcquisition(null);
    ObjectNode data = CheckEventJson.afterAcquisition(written);

    assertThat(data.get("pieces").isNull()).isTrue();
    assertThat(CheckEventJson.readAfterAcquisition(data)).isEqualTo(written);
  }

  @Test
  void readAfterAcquisition_withoutMatched_refusedNamingIt() {
    ObjectNode data = CheckEventJson.afterAcquisition(afterAcquisition(null));
    data.remove("matched");

    assertThatThrownBy(() -> CheckEventJson.readAfterAcquisition(data)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image-verified or source-verified event has no \"matched\"");
  }

  @Test
  void afterAcquisition_ofNeitherImageNorSource_refused() {
    assertThatThrownBy(() -> new CheckEvent.AfterAcquisition("disk", STARTED, ENDED, "x", true, List.of(), null, 0, "ok", 0,
        List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not disk");
  }
}
