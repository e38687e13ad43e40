package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A recorded command line never holds a password, not even one typed into a URL. */
class UrlPasswordTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://jane:s3cr:et@tsa.lab.example/tsr | https://jane:***@tsa.lab.example/tsr",
      "--tsa=http://jane:pw@tsa:8080 | --tsa=http://jane:***@tsa:8080",
      "https://jane@tsa.lab.example | https://jane@tsa.lab.example",
      "https://tsa.lab.example/a:b@c | https://tsa.lab.example/a:b@c",
      "Jane O'Doe: seized 10:15 @ home | Jane O'Doe: seized 10:15 @ home"})
  void withoutUrlPassword_onlyAUrlsPasswordMasked(String typed, String recorded) {
    assertThat(Environment.withoutUrlPassword(typed)).isEqualTo(recorded);
  }
}
