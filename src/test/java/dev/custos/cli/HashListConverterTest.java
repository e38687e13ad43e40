package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.digest.HashAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class HashListConverterTest {
  private final HashListConverter converter = new HashListConverter();

  @Test
  void convert_twoAlgorithms_inTheOrderGiven() {
    assertThat(converter.convert("sha256,md5")).containsExactly(HashAlgorithm.SHA_256, HashAlgorithm.MD5);
  }

  @Test
  void convert_everyAlgorithmInAnySpelling_accepted() {
    assertThat(converter.convert("MD5, sha-1,SHA256 ,Sha-512"))
        .containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA_1, HashAlgorithm.SHA_256, HashAlgorithm.SHA_512);
  }

  @Test
  void convert_emptyItems_ignored() {
    assertThat(converter.convert(",md5,,sha1,")).containsExactly(HashAlgorithm.MD5, HashAlgorithm.SHA_1);
  }

  @Test
  void convert_result_isUnmodifiable() {
    List<HashAlgorithm> algorithms = converter.convert("md5");

    assertThat(algorithms).isUnmodifiable();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"md5,md5", "md5,MD5", "sha256,sha-256", "sha1,md5,SHA-1"})
  void convert_algorithmNamedTwice_rejectedNamingItAndTheList(String text) {
    assertThatExceptionOfType(TypeConversionException.class)
        .isThrownBy(() -> converter.convert(text))
        .withMessageContaining("named twice")
        .withMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"md6", "md5,md6", "sha256,sha3-256", "crc32c"})
  void convert_unknownAlgorithm_rejectedListingTheAcceptedOnes(String text) {
    assertThatExceptionOfType(TypeConversionException.class)
        .isThrownBy(() -> converter.convert(text))
        .withMessageContaining("unknown hash algorithm")
        .withMessageContaining("md5, sha1, sha256, sha512");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", ",", ", ,"})
  void convert_noAlgorithm_rejected(String text) {
    assertThatExceptionOfType(TypeConversionException.class)
        .isThrownBy(() -> converter.convert(text))
        .withMessageContaining("no hash algorithm")
        .withMessageContaining("md5, sha1, sha256, sha512");
  }
}
