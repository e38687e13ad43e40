package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The parsers, against what real hdparm printed (see {@code hdparm/README.md} in the test resources). */
class HdparmOutputTest {

  static String fixture(String name) {
    try (InputStream in = HdparmOutputTest.class.getResourceAsStream("hdparm/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture hdparm/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void maxSectors_hpaDisabled_visibleEqualsNative() throws Exception {
    HdparmOutput.MaxSectors max = HdparmOutput.maxSectors(fixture("n-hpa-disabled.txt"));

    assertThat(max).isEqualTo(new HdparmOutput.MaxSectors(312_581_808L, 312_581_808L, false));
    assertThat(max.hiddenSectors()).isZero();
  }

  @Test
  void maxSectors_hpaEnabled_hiddenIsNativeMinusVisible() throws Exception {
    HdparmOutput.MaxSectors max = HdparmOutput.maxSectors(fixture("n-hpa-enabled.txt"));

    assertThat(max).isEqualTo(new HdparmOutput.MaxSectors(310_484_656L, 312_581_808L, false));
    assertThat(max.hiddenSectors()).isEqualTo(2_097_152L);
  }

  @Test
  void maxSectors_accessibleMaxAddress_countsLikeHpa() throws Exception {
    HdparmOutput.MaxSectors max = HdparmOutput.maxSectors(fixture("n-accessible-max-address-enabled.txt"));

    assertThat(max.accessibleMaxAddress()).isTrue();
    assertThat(max.hiddenSectors()).isEqualTo(907_029_168L);
  }

  @Test
  void maxSectors_beyondIntRange_exact() throws Exception {
    HdparmOutput.MaxSectors max = HdparmOutput.maxSectors(
        "\n/dev/sdz:\n max sectors   = 35156656128/35156656128, ACCESSIBLE MAX ADDRESS disabled\n");

    assertThat(max).isEqualTo(new HdparmOutput.MaxSectors(35_156_656_128L, 35_156_656_128L, true));
  }

  @Test
  void maxSectors_usbBridgeWithBadSenseData_notAnswered() {
    assertThatThrownBy(() -> HdparmOutput.maxSectors(fixture("n-usb-bridge-bad-sense-data.txt")))
        .isInstanceOf(HdparmOutput.NotAnswered.class)
        .hasMessageContaining("bad/missing sense data");
  }

  @Test
  void maxSectors_invalidSetting_notAnswered() {
    assertThatThrownBy(() -> HdparmOutput.maxSectors(fixture("n-usb-bridge-invalid.txt")))
        .isInstanceOf(HdparmOutput.NotAnswered.class)
        .hasMessageContaining("invalid setting, 0/1 visible/native");
  }

  @Test
  void maxSectors_visibleAboveNative_notAnswered() {
    assertThatThrownBy(() -> HdparmOutput.maxSectors(" max sectors   = 2000/1000, HPA is enabled\n"))
        .isInstanceOf(HdparmOutput.NotAnswered.class)
        .hasMessageContaining("2000/1000");
  }

  @Test
  void maxSectors_loopDeviceOutput_notAnsweredSaysOnlyTheName() {
    assertThatThrownBy(() -> HdparmOutput.maxSectors(fixture("n-loop-device.hdparm-9.65.txt")))
        .isInstanceOf(HdparmOutput.NotAnswered.class)
        .hasMessage("no 'max sectors' in its output (it printed only the device name)");
  }

  @Test
  void maxSectors_countTooLarge_notAnswered() {
    assertThatThrownBy(() -> HdparmOutput.maxSectors(" max sectors   = 1/99999999999999999999, HPA is enabled\n"))
        .isInstanceOf(HdparmOutput.NotAnswered.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void realMaxSectors_checksumVerified_readsRealMax() throws Exception {
    assertThat(HdparmOutput.realMaxSectors(fixture("dco-identify-3tb.txt"))).isEqualTo(5_860_533_168L);
  }

  @Test
  void realMaxSectors_withoutChecksumLine_readsRealMax() throws Exception {
    assertThat(HdparmOutput.realMaxSectors(fixture("dco-identify-500gb-reduced.txt"))).isEqualTo(976_773_168L);
  }

  @Test
  void realMaxSectors_checksumFailed_notAnswered() {
    assertThatThrownBy(() -> HdparmOutput.realMaxSectors(fixture("dco-identify-checksum-failed.txt")))
        .isInstanceOf(HdparmOutput.NotAnswered.class)
        .hasMessageContaining("checksum failed");
  }

  @Test
  void realMaxSectors_ioctlFailedButExitZero_notAnsweredWithTheError() {
    assertThatThrownBy(() -> HdparmOutput.realMaxSectors(fixture("dco-identify-loop-device.hdparm-9.65.txt")))
        .isInstanceOf(HdparmOutput.NotAnswered.class)
        .hasMessage("no 'Real max sectors' in its output (HDIO_DRIVE_CMD(dco_identify) failed: Invalid argument)");
  }

  @Test
  void gist_dropsDeviceNameAndBlankLines_joinsTheRest() {
    assertThat(HdparmOutput.gist("\n/dev/sda:\n SG_IO: questionable sense data\n  failed: Input/output error\n"))
        .isEqualTo("SG_IO: questionable sense data failed: Input/output error");
  }
}
