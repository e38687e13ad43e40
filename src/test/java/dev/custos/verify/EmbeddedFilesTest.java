package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The head of an embedded log: the seq and hash a report shows. */
class EmbeddedFilesTest {
  private static final String HASH_A = "a".repeat(64);
  private static final String HASH_B = "b".repeat(64);

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void headOf_emptyLog_noEventSeqMinusOne() {
    assertThat(EmbeddedFiles.headOf(new byte[0])).isEqualTo(EmbeddedFiles.Head.EMPTY);
    assertThat(EmbeddedFiles.Head.EMPTY.seq()).isEqualTo(-1);
  }

  @Test
  void headOf_lines_theLastEventsSeqAndHash() {
    byte[] log = utf8("{\"seq\":0,\"hash\":\"" + HASH_A + "\"}\n{\"seq\":1,\"hash\":\"" + HASH_B + "\"}\n");

    assertThat(EmbeddedFiles.headOf(log)).isEqualTo(new EmbeddedFiles.Head(1, HASH_B));
  }

  @Test
  void headOf_lastLineNotAnEvent_null() {
    assertThat(EmbeddedFiles.headOf(utf8("{\"seq\":0,\"hash\":\"" + HASH_A + "\"}\n{\"seq\":1,\"ha"))).isNull();
    assertThat(EmbeddedFiles.headOf(utf8("{\"seq\":\"one\",\"hash\":\"" + HASH_A + "\"}\n"))).isNull();
  }
}
