package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The length of the CMS inside zero-padded /Contents (the signature checks run on real reports in ReportCheckTest). */
class PadesCheckTest {
  @Test
  void derLength_shortAndLongForm_paddingIgnored() {
    assertThat(PadesCheck.derLength(new byte[] {0x30, 0x03, 1, 2, 3, 0, 0})).isEqualTo(5);
    byte[] longForm = new byte[300];
    longForm[0] = 0x30;
    longForm[1] = (byte) 0x82;
    longForm[2] = 0x01;
    longForm[3] = 0x00;
    assertThat(PadesCheck.derLength(longForm)).isEqualTo(4 + 256);
  }

  @Test
  void derLength_notASequenceOrLongerThanTheBytes_minusOne() {
    assertThat(PadesCheck.derLength(new byte[] {0, 0, 0})).isEqualTo(-1);
    assertThat(PadesCheck.derLength(new byte[] {0x30, 0x05, 1})).isEqualTo(-1);
    assertThat(PadesCheck.derLength(new byte[] {0x30, (byte) 0x80, 1})).isEqualTo(-1);
  }
}
