package dev.custos.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOutcomeTest {

  @ParameterizedTest
  @ValueSource(strings = {"No such device", "No such device or address", "No medium found", "Transport endpoint is not connected",
      "Stale file handle"})
  void failed_removedDetachedOrServedByAGoneFileSystem_gone(String message) {
    assertThat(ReadOutcome.failed(new IOException(message)).kind()).isEqualTo(ReadOutcome.FailureKind.GONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Input/output error", "Connection timed out", "Invalid argument"})
  void failed_anyOtherError_anIoErrorThatFurtherReadsMustExplain(String message) {
    assertThat(ReadOutcome.failed(new IOException(message)).kind()).isEqualTo(ReadOutcome.FailureKind.IO_ERROR);
  }

  @Test
  void failed_noMessage_anIoErrorSaidAsNull() {
    ReadOutcome.Failed failed = ReadOutcome.failed(new IOException());

    assertThat(failed.kind()).isEqualTo(ReadOutcome.FailureKind.IO_ERROR);
    assertThat(failed.message()).isEqualTo("null");
  }

  @ParameterizedTest
  @CsvSource({"4096, 4096, Read", "0, 4096, Ended", "4095, 4096, Ended", "0, 0, Read"})
  void of_bytesAgainstAsked_readOnlyWhenAllWereRead(int read, int asked, String outcome) {
    ReadOutcome result = ReadOutcome.of(read, asked);

    assertThat(result.getClass().getSimpleName()).isEqualTo(outcome);
    assertThat(result.bytes()).isEqualTo(read);
  }
}
