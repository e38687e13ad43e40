package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PieceAlgorithmTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({
      "crc32c, CRC32C",
      "CRC32C, CRC32C",
      "CRC-32C, CRC32C",
      "sha256, SHA_256",
      "SHA-256, SHA_256",
      "' sha256', SHA_256",
  })
  void byName_knownNameInAnyCase_accepted(String name, PieceAlgorithm expected) {
    assertThat(PieceAlgorithm.byName(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"crc32", "adler32", "md5", "sha1", ""})
  void byName_unknown_rejectedNamingTheValueAndTheAcceptedOnes(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PieceAlgorithm.byName(name))
        .withMessageContaining("'" + name + "'")
        .withMessageContaining("crc32c")
        .withMessageContaining("sha256");
  }

  /** A matching CRC piece proves nothing (a change can be given any CRC); only SHA-256 pieces prove. */
  @org.junit.jupiter.api.Test
  void proves_onlySha256() {
    assertThat(PieceAlgorithm.SHA_256.proves()).isTrue();
    assertThat(PieceAlgorithm.CRC32C.proves()).isFalse();
    assertThat(dev.custos.acquire.AcquisitionRequest.DEFAULT_PIECE_ALGORITHM).as("the default proves").isEqualTo(PieceAlgorithm.SHA_256);
  }
}
