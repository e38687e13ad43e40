package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.testing.ExternalTool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class ByteSizeConverterTest {
  private final ByteSizeConverter converter = new ByteSizeConverter();

  @ParameterizedTest(name = "''{0}'' = {1}")
  @CsvSource({
      "4096, 4096",
      "0, 0",
      "512b, 512",
      "512B, 512",
      "1KiB, 1024",
      "1kB, 1000",
      "64MiB, 67108864",
      "64mib, 67108864",
      "2GiB, 2147483648",
      "2Gi, 2147483648",
      "2GB, 2000000000",
      "650MB, 650000000",
      "1TiB, 1099511627776",
      "1TB, 1000000000000",
      "' 2 GiB ', 2147483648",
      "8388607TiB, 9223370937343148032",
      "9223372036854775807, 9223372036854775807",
      "7KiB, 7168",
      "7kB, 7000",
      "7KB, 7000",
  })
  void convert_sizesAsExaminersWriteThem_exactBytes(String text, long expected) {
    assertThat(converter.convert(text)).isEqualTo(expected);
  }

  /** The same sizes as GNU numfmt reads them: IEC (1024) for KiB/MiB/…, SI (1000) for kB/MB/…. */
  @ParameterizedTest(name = "''{0}'' = numfmt {1} {2}")
  @CsvSource({
      "64MiB, --from=iec-i, 64Mi",
      "2GiB, --from=iec-i, 2Gi",
      "3TiB, --from=iec-i, 3Ti",
      "650MB, --from=si, 650M",
      "4GB, --from=si, 4G",
      "7kB, --from=si, 7K",
  })
  void convert_unitSuffixes_sameAsGnuNumfmt(String text, String mode, String numfmtText) {
    long expected = Long.parseLong(ExternalTool.ok("numfmt", mode, numfmtText).strip());

    assertThat(converter.convert(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"99999999999TiB", "8388608TiB", "9223372036854775808", "99999999999999999999",
      "9007199254740992KiB"})
  void convert_overflowsALong_rejectedNeverClamped(String text) {
    assertThatExceptionOfType(TypeConversionException.class)
        .isThrownBy(() -> converter.convert(text))
        .withMessageContaining("'" + text + "'")
        .withMessageContaining("too large");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", "abc", "GiB", "-1", "-1GiB", "1.5GiB", "1,5GiB", "2PiB", "2 Gibibytes", "1e6",
      "0x100", "2iB", "12 XB", "64 MiB extra", "2GiBB"})
  void convert_notASize_rejectedWithTheValueAndExamples(String text) {
    assertThatExceptionOfType(TypeConversionException.class)
        .isThrownBy(() -> converter.convert(text))
        .withMessageContaining("'" + text + "'")
        .withMessageContaining("64MiB");
  }

  /** dd and numfmt read a bare G as 1024³, disk vendors as 1000³: the examiner says which. */
  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
      "2G | '2G' is ambiguous: say 2GiB (2147483648 bytes) or 2GB (2000000000 bytes)",
      "2g | '2g' is ambiguous: say 2GiB (2147483648 bytes) or 2GB (2000000000 bytes)",
      "64M | '64M' is ambiguous: say 64MiB (67108864 bytes) or 64MB (64000000 bytes)",
      "1k | '1k' is ambiguous: say 1KiB (1024 bytes) or 1kB (1000 bytes)",
      "3T | '3T' is ambiguous: say 3TiB (3298534883328 bytes) or 3TB (3000000000000 bytes)",
      "' 2 G ' | '2 G' is ambiguous: say 2GiB (2147483648 bytes) or 2GB (2000000000 bytes)",
      "8388608T | '8388608T' is ambiguous: say 8388608TiB (too large) or 8388608TB (8388608000000000000 bytes)"})
  void convert_bareUnitLetter_refusedNamingBothReadings(String text, String message) {
    assertThatExceptionOfType(TypeConversionException.class)
        .isThrownBy(() -> converter.convert(text))
        .withMessage(message);
  }
}
