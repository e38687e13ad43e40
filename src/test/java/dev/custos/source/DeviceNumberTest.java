package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.custos.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceNumberTest {

  /** dev_t values as glibc's makedev(3) builds them, written out: the values stat(2) returns. */
  @ParameterizedTest(name = "makedev({0}, {1}) = {2}")
  @CsvSource({
      "8, 16, 2064",          // /dev/sdb
      "259, 1, 66305",        // /dev/nvme0n1p1: a major above 255
      "7, 300, 1050412",      // /dev/loop300: a minor above 255
      "0, 0, 0",
      "254, 0, 65024",        // virtio /dev/vda
      "4096, 1048575, 17596479963391",  // a major above 4095 and the largest 20-bit minor
  })
  void fromDevT_knownValues_decodedAsGlibcMajorAndMinor(int major, int minor, long devT) {
    assertThat(DeviceNumber.fromDevT(devT)).isEqualTo(new DeviceNumber(major, minor));
  }

  @ParameterizedTest(name = "{0}:{1}")
  @CsvSource({"8, 16", "259, 1", "7, 300", "1, 3", "4095, 255", "4096, 256", "65535, 1048575", "2147483647, 0"})
  void fromDevT_devTFromPythonsOsMakedev_decodesBack(int major, int minor) {
    String devT = ExternalTool.ok(ExternalTool.python3(), "-c",
        "import os, sys; print(os.makedev(int(sys.argv[1]), int(sys.argv[2])))",
        String.valueOf(major), String.valueOf(minor)).strip();

    assertThat(DeviceNumber.fromDevT(Long.parseUnsignedLong(devT))).isEqualTo(new DeviceNumber(major, minor));
  }

  @Test
  void ofDeviceNode_devNull_isWhatStatSays() throws Exception {
    Path node = Path.of("/dev/null");
    Assumptions.assumeTrue(Files.exists(node), "no /dev/null");
    String[] hex = ExternalTool.ok("stat", "-c", "%t %T", node.toString()).strip().split(" ");

    DeviceNumber device = DeviceNumber.ofDeviceNode(node);

    assertThat(device).isEqualTo(new DeviceNumber(Integer.parseInt(hex[0], 16), Integer.parseInt(hex[1], 16)));
  }

  @Test
  void ofFileSystemOf_temporaryDirectory_isWhatPythonsOsStatSays(@TempDir Path dir) throws Exception {
    String[] expected = ExternalTool.ok(ExternalTool.python3(), "-c",
        "import os, sys; d = os.stat(sys.argv[1]).st_dev; print(os.major(d), os.minor(d))",
        dir.toString()).strip().split(" ");

    DeviceNumber device = DeviceNumber.ofFileSystemOf(dir);

    assertThat(device).isEqualTo(new DeviceNumber(Integer.parseInt(expected[0]), Integer.parseInt(expected[1])));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"8:16, 8, 16", "259:1, 259, 1", "0:23, 0, 23", "' 7 : 300 ', 7, 300"})
  void parse_majorColonMinor_accepted(String text, int major, int minor) {
    assertThat(DeviceNumber.parse(text)).isEqualTo(new DeviceNumber(major, minor));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"816", "", "sdb"})
  void parse_noColon_rejectedWithTheValue(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DeviceNumber.parse(text))
        .withMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"8:", ":16", "a:b", "8:16:1", "8.16:0"})
  void parse_notTwoNumbers_rejected(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> DeviceNumber.parse(text));
  }

  @Test
  void toString_roundTripsThroughParse() {
    DeviceNumber device = new DeviceNumber(259, 3);

    assertThat(device).hasToString("259:3");
    assertThat(DeviceNumber.parse(device.toString())).isEqualTo(device);
  }
}
