package dev.custos.evidence;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class RecordMembersTest {
  @Test
  void requireNonNull_everyMemberPresent_passes() {
    assertThatCode(() -> RecordMembers.requireNonNull("tool host", "custos", "h")).doesNotThrowAnyException();
  }

  @Test
  void requireNonNull_aMemberNull_namesIt() {
    assertThatNullPointerException().isThrownBy(() -> RecordMembers.requireNonNull("tool host timing", "custos", "h", null))
        .withMessage("timing");
  }

  @Test
  void requireNonNull_fewerNamesThanValues_isRefusedAsADefect() {
    assertThatIllegalArgumentException().isThrownBy(() -> RecordMembers.requireNonNull("tool", "custos", "h"))
        .withMessageContaining("1 names for 2 values");
  }
}
