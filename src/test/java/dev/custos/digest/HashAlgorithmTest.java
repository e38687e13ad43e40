package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HashAlgorithmTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({
      "md5, MD5",
      "MD5, MD5",
      "Md5, MD5",
      "sha1, SHA_1",
      "SHA-1, SHA_1",
      "sha256, SHA_256",
      "sha-256, SHA_256",
      "SHA256, SHA_256",
      "SHA-256, SHA_256",
      "sha512, SHA_512",
      "SHA-512, SHA_512",
      "' sha256 ', SHA_256",
  })
  void byName_idOrDisplayNameInAnyCase_accepted(String name, HashAlgorithm expected) {
    assertThat(HashAlgorithm.byName(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"md6", "sha3", "sha-384", "crc32c", "", "sha_256"})
  void byName_unknown_rejectedNamingTheValueAndTheAcceptedOnes(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HashAlgorithm.byName(name))
        .withMessageContaining("'" + name + "'")
        .withMessageContaining("md5, sha1, sha256, sha512");
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void byName_ownIdAndDisplayName_roundTrip(HashAlgorithm algorithm) {
    assertThat(HashAlgorithm.byName(algorithm.id())).isSameAs(algorithm);
    assertThat(HashAlgorithm.byName(algorithm.displayName())).isSameAs(algorithm);
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void newMessageDigest_anyAlgorithm_hasTheDeclaredLength(HashAlgorithm algorithm) {
    assertThat(algorithm.newMessageDigest().getDigestLength()).isEqualTo(algorithm.digestLength());
  }

  @Test
  void newMessageDigest_calledTwice_returnsUnsharedInstances() {
    assertThat(HashAlgorithm.SHA_256.newMessageDigest())
        .isNotSameAs(HashAlgorithm.SHA_256.newMessageDigest());
  }

  @Test
  void idList_allAlgorithms_inDeclarationOrder() {
    assertThat(HashAlgorithm.idList()).isEqualTo("md5, sha1, sha256, sha512");
  }
}
