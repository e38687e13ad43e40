package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.custos.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  /** md5sum of the empty input. */
  private static final String MD5_EMPTY = "d41d8cd98f00b204e9800998ecf8427e";
  /** sha256sum of "abc" (FIPS 180-2 example). */
  private static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "MD5, md5sum",
      "SHA_1, sha1sum",
      "SHA_256, sha256sum",
      "SHA_512, sha512sum",
  })
  void fromHex_coreutilsOutput_roundTripsToTheSameHex(HashAlgorithm algorithm, String tool, @TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("abc"), "abc", java.nio.charset.StandardCharsets.US_ASCII);
    String expected = ExternalTool.digestOf(tool, file);

    Digest digest = Digest.fromHex(algorithm, expected);

    assertThat(digest.hex()).isEqualTo(expected);
    assertThat(digest.algorithm()).isEqualTo(algorithm);
    assertThat(digest.bytes()).hasSize(algorithm.digestLength());
  }

  @Test
  void fromHex_uppercase_acceptedAndPrintedLowercase() {
    Digest digest = Digest.fromHex(HashAlgorithm.SHA_256, SHA256_ABC.toUpperCase(Locale.ROOT));

    assertThat(digest.hex()).isEqualTo(SHA256_ABC);
    assertThat(digest).isEqualTo(Digest.fromHex(HashAlgorithm.SHA_256, SHA256_ABC));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "d41d8cd98f00b204e9800998ecf8427", "d41d8cd98f00b204e9800998ecf8427e00",
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"})
  void fromHex_wrongLength_rejectedWithTheValue(String hex) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Digest.fromHex(HashAlgorithm.MD5, hex))
        .withMessageContaining("'" + hex + "'")
        .withMessageContaining("32 hex digits");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"g41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427 ",
      "d41d8cd98f00b204-9800998ecf8427e", "0xd41d8cd98f00b204e9800998ecf842"})
  void fromHex_notHex_rejectedWithTheValue(String hex) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Digest.fromHex(HashAlgorithm.MD5, hex))
        .withMessageContaining("'" + hex + "'");
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void of_wrongNumberOfBytes_rejectedNamingBothLengths(HashAlgorithm algorithm) {
    int wrong = algorithm.digestLength() + 1;

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Digest.of(algorithm, new byte[wrong]))
        .withMessageContaining(algorithm.displayName())
        .withMessageContaining(String.valueOf(algorithm.digestLength()))
        .withMessageContaining(String.valueOf(wrong));
  }

  @Test
  void equals_sameAlgorithmAndBytes_equalWithEqualHashCode() {
    Digest a = Digest.fromHex(HashAlgorithm.MD5, MD5_EMPTY);
    Digest b = Digest.fromHex(HashAlgorithm.MD5, MD5_EMPTY.toUpperCase(Locale.ROOT));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotSameAs(b);
  }

  @Test
  void equals_oneBitDifferent_notEqual() {
    Digest a = Digest.fromHex(HashAlgorithm.MD5, MD5_EMPTY);
    Digest b = Digest.fromHex(HashAlgorithm.MD5, "d41d8cd98f00b204e9800998ecf8427f");

    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void equals_otherTypesAndNull_notEqual() {
    Digest digest = Digest.fromHex(HashAlgorithm.MD5, MD5_EMPTY);

    assertThat(digest).isNotEqualTo(null).isNotEqualTo(MD5_EMPTY);
  }

  @Test
  void bytes_mutatingTheReturnedArray_doesNotChangeTheDigest() {
    Digest digest = Digest.fromHex(HashAlgorithm.SHA_256, SHA256_ABC);

    byte[] leaked = digest.bytes();
    leaked[0] ^= (byte) 0xff;

    assertThat(digest.hex()).isEqualTo(SHA256_ABC);
    assertThat(digest).isEqualTo(Digest.fromHex(HashAlgorithm.SHA_256, SHA256_ABC));
  }

  @Test
  void of_mutatingTheInputArrayAfterwards_doesNotChangeTheDigest() {
    byte[] input = Digest.fromHex(HashAlgorithm.MD5, MD5_EMPTY).bytes();
    Digest digest = Digest.of(HashAlgorithm.MD5, input);

    input[15] = 0;

    assertThat(digest.hex()).isEqualTo(MD5_EMPTY);
  }

  @Test
  void toString_idColonLowercaseHex() {
    assertThat(Digest.fromHex(HashAlgorithm.MD5, MD5_EMPTY.toUpperCase(Locale.ROOT)))
        .hasToString("md5:" + MD5_EMPTY);
  }
}
