package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PieceDigestTest {
  /** sha256sum of "abc" (FIPS 180-2 example). */
  private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  /** CRC-32C of "123456789", the check value of the Castagnoli polynomial (RFC 3720, B.4). */
  private static final String CRC32C_CHECK = "e3069283";

  @Test
  void fromHex_uppercase_printsLowercaseAndEqualsTheLowercaseValue() {
    PieceDigest upper = PieceDigest.fromHex(PieceAlgorithm.SHA_256, SHA256_ABC.toUpperCase(java.util.Locale.ROOT));

    assertThat(upper.hex()).isEqualTo(SHA256_ABC);
    assertThat(upper).isEqualTo(PieceDigest.fromHex(PieceAlgorithm.SHA_256, SHA256_ABC))
        .hasSameHashCodeAs(PieceDigest.fromHex(PieceAlgorithm.SHA_256, SHA256_ABC));
    assertThat(upper.toString()).isEqualTo("sha256:" + SHA256_ABC);
  }

  @Test
  void fromHex_crcOfAKnownInput_holdsFourBytes() {
    PieceDigest crc = PieceDigest.fromHex(PieceAlgorithm.CRC32C, CRC32C_CHECK);

    assertThat(crc.algorithm()).isEqualTo(PieceAlgorithm.CRC32C);
    assertThat(crc.hex()).isEqualTo(CRC32C_CHECK);
  }

  @Test
  void fromHex_lengthOfTheOtherAlgorithm_isRefusedNamingTheValue() {
    assertThatIllegalArgumentException().isThrownBy(() -> PieceDigest.fromHex(PieceAlgorithm.SHA_256, CRC32C_CHECK))
        .withMessageContaining("64 hex digits").withMessageContaining(CRC32C_CHECK);
    assertThatIllegalArgumentException().isThrownBy(() -> PieceDigest.fromHex(PieceAlgorithm.CRC32C, SHA256_ABC))
        .withMessageContaining("8 hex digits");
  }

  @Test
  void fromHex_notHex_isRefusedNamingTheValue() {
    assertThatIllegalArgumentException().isThrownBy(() -> PieceDigest.fromHex(PieceAlgorithm.CRC32C, "e30692zz"))
        .withMessageContaining("not hex").withMessageContaining("e30692zz");
  }

  @Test
  void equals_sameBytesOfAnotherAlgorithm_isFalse() {
    // Never true across algorithms, whatever the bytes: a CRC is not a truncated SHA-256.
    assertThat(PieceDigest.fromHex(PieceAlgorithm.CRC32C, "ba7816bf"))
        .isNotEqualTo(PieceDigest.fromHex(PieceAlgorithm.SHA_256, SHA256_ABC));
  }
}
