package dev.custos.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityRequestTest {
  private static final Duration YEAR = Duration.ofDays(365);

  @Test
  void request_nameStartingWithHash_keptAsGiven() {
    IdentityRequest request = new IdentityRequest("#1 Examiner", "a.b+c@lab.example", "Lab \u00c9", YEAR);

    assertThat(Names.subject(request).toString()).contains("CN=\\#1 Examiner");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", " Jane", "Jane\nDoe", "Jane\u0000"})
  void request_badName_refusedNamingIt(String name) {
    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityRequest(name, null, null, YEAR))
        .withMessageContaining("name");
  }

  @Test
  void request_nameOf65Characters_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityRequest("x".repeat(65), null, null, YEAR))
        .withMessageContaining("longer than 64");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jane", "jane@", "@lab.example", "j ane@lab.example", "j\u00e9@lab.example"})
  void request_badEmail_refusedNamingIt(String email) {
    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityRequest("Jane", email, null, YEAR))
        .withMessageContaining("'" + email + "'");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 3654})
  void request_validityOutsideOneDayToTenYears_refused(long days) {
    assertThatIllegalArgumentException().isThrownBy(() -> new IdentityRequest("Jane", null, null, Duration.ofDays(days)))
        .withMessageContaining(days + " days");
  }
}
