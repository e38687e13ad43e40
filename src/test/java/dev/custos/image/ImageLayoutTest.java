package dev.custos.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageLayoutTest {

  @ParameterizedTest(name = "''{0}'' gives {1}")
  @CsvSource({"ima, image.ima", "dd, image.dd", "img, image.img", "raw, image.raw", "IMA, image.ima", "Dd, image.dd"})
  void raw_knownExtension_oneFileNamedImageDotExtension(String extension, String expectedName) {
    ImageLayout layout = ImageLayout.raw(extension);

    assertThat(layout.fileName(0)).isEqualTo(expectedName);
    assertThat(layout.isSplit()).isFalse();
    assertThat(layout.segmentSize()).isZero();
    assertThat(layout.formatName()).isEqualTo("raw");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"e01", "001", "aff", "", "ima ", ".ima", "iso"})
  void raw_unknownExtension_rejectedWithTheValueAndTheAcceptedOnes(String extension) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageLayout.raw(extension))
        .withMessageContaining("'" + extension + "'")
        .withMessageContaining("ima, dd, img, raw");
  }

  @Test
  void fileName_rawLayoutSecondFile_rejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageLayout.raw("ima").fileName(1))
        .withMessageContaining("1");
  }

  @ParameterizedTest(name = "file {0} is {1}")
  @CsvSource({"0, image.001", "1, image.002", "8, image.009", "9, image.010", "98, image.099", "99, image.100",
      "998, image.999", "999, image.1000", "1000, image.1001", "9999, image.10000"})
  void fileName_split_threeDigitsAtLeastCountingFromOne(int index, String expected) {
    ImageLayout layout = ImageLayout.split(2048, 512);

    assertThat(layout.fileName(index)).isEqualTo(expected);
    assertThat(ImageLayout.isImageFileName(expected)).as("isImageFileName(%s)", expected).isTrue();
  }

  @ParameterizedTest(name = "{0} bytes of {1}-byte sectors")
  @CsvSource({"512, 512", "1024, 512", "4096, 4096", "2147483648, 512", "2147483648, 4096", "65011712, 512"})
  void split_multipleOfTheSectorSize_accepted(long segmentSize, int sectorSize) {
    ImageLayout layout = ImageLayout.split(segmentSize, sectorSize);

    assertThat(layout.isSplit()).isTrue();
    assertThat(layout.segmentSize()).isEqualTo(segmentSize);
    assertThat(layout.formatName()).isEqualTo("split");
    assertThat(layout.extension()).isNull();
  }

  @ParameterizedTest(name = "{0} bytes of {1}-byte sectors")
  @CsvSource(delimiter = '|', value = {
      "650000000 | 512 | segment size 650000000 bytes is not a whole number of 512-byte sectors: say 649999872 or 650000384",
      "1000 | 512 | segment size 1000 bytes is not a whole number of 512-byte sectors: say 512 or 1024",
      "511 | 512 | segment size 511 bytes is not a whole number of 512-byte sectors: say 512",
      "513 | 512 | segment size 513 bytes is not a whole number of 512-byte sectors: say 512 or 1024",
      "2048 | 4096 | segment size 2048 bytes is not a whole number of 4096-byte sectors: say 4096",
      "6144 | 4096 | segment size 6144 bytes is not a whole number of 4096-byte sectors: say 4096 or 8192",
      "0 | 512 | segment size must be positive, got 0",
      "-512 | 512 | segment size must be positive, got -512"})
  void split_notAPositiveMultipleOfTheSectorSize_refusedNamingTheNearestThatAre(long segmentSize, int sectorSize,
      String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageLayout.split(segmentSize, sectorSize))
        .withMessage(message);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"image.ima", "image.dd", "image.img", "image.raw", "image.001", "image.999", "image.1000",
      "image.000", "image.E01", "image.E99", "image.EAA", "image.ZZZ"})
  void isImageFileName_namesCustosWrites_true(String name) {
    assertThat(ImageLayout.isImageFileName(name)).isTrue();
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"image.01", "image.1", "image.e01", "image.E00", "image.E1", "image.DAA", "image.iso", "image", "image.", "image.ima.partial",
      ".image.ima.partial", "IMAGE.001", "Image.ima", "disk.001", "image.001x", "image.00a", "myimage.001",
      "image.001 ", "notes.txt"})
  void isImageFileName_otherNames_false(String name) {
    assertThat(ImageLayout.isImageFileName(name)).isFalse();
  }

  @ParameterizedTest(name = "segment {0} is image.{1}")
  @org.junit.jupiter.params.provider.CsvSource({"0, E01", "8, E09", "98, E99", "99, EAA", "100, EAB", "124, EAZ", "125, EBA",
      "774, EZZ", "775, FAA", "14970, ZZZ"})
  void e01_fileName_asEnCaseNamesSegments(int index, String extension) {
    assertThat(ImageLayout.e01(1 << 20, dev.custos.image.e01.E01Compression.FAST).fileName(index)).isEqualTo("image." + extension);
  }
}
