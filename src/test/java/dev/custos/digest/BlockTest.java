package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockTest {

  @ParameterizedTest(name = "offset {0}, length {1}")
  @CsvSource({"0, 0", "0, 512", "0, 511", "9223372036854775807, 1"})
  void fill_rangeWithinTheBuffer_accepted(long offset, int length) {
    Block block = new Block(new byte[512], null);

    block.fill(offset, length);

    assertThat(block.offset()).isEqualTo(offset);
    assertThat(block.length()).isEqualTo(length);
    assertThat(block.capacity()).isEqualTo(512);
  }

  @ParameterizedTest(name = "offset {0}, length {1}")
  @CsvSource({"0, 513", "0, -1", "-1, 0"})
  void fill_rangeOutsideTheBuffer_rejectedNamingIt(long offset, int length) {
    Block block = new Block(new byte[512], null);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> block.fill(offset, length))
        .withMessageContaining(length + " bytes at offset " + offset)
        .withMessageContaining("512");
  }

  @Test
  void data_isTheBufferItself_soTheReaderFillsItInPlace() {
    byte[] buffer = new byte[16];
    Block block = new Block(buffer, null);

    assertThat(block.data()).isSameAs(buffer);
  }
}
