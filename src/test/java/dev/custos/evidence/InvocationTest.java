package dev.custos.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.custos.testing.ExternalTool;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recorded command line pastes back into a shell as the very words typed: bash is the judge. */
class InvocationTest {
  @Test
  void shellQuoted_awkwardWords_bashReadsBackTheSameWords() {
    List<String> typed = List.of("./acquire", "image", "/dev/sdb", "--out", "/cases/2026 0142/HDD 01", "--examiner", "Jane O'Doe",
        "--notes", "two\nlines, $HOME `id` \"quoted\" \\ *", "--description", "", "--case", "2026-0142");
    String quoted = new Invocation(typed, "/home/jane", null).shellQuoted();

    // printf prints each word bash parsed, NUL-terminated: quoting and expansion are bash's, not ours.
    String words = ExternalTool.run(List.of("bash", "-c", "printf '%s\\0' " + quoted)).stdout();

    assertThat(words.split("\0", -1)).containsExactlyElementsOf(append(typed, ""));
  }

  @Test
  void shellQuoted_controlCharacters_oneLineWithoutThemAndBashReadsBackTheSameWords() {
    // A newline and a backslash-n must not look alike once a terminal or the PDF shows the line.
    List<String> typed = List.of("./acquire", "--notes", "line1\nline2", "--notes", "line1\\nline2", "--case", "a\tb\rc\u001b[31m'd\u202e",
        "--evidence", "\\ $'x'");
    String quoted = new Invocation(typed, "/", null).shellQuoted();

    assertThat(quoted.chars()).noneMatch(c -> Character.isISOControl(c) || c == 0x202e);
    assertThat(quoted).startsWith("./acquire --notes $'line1\\nline2' --notes 'line1\\nline2' --case $'a\\tb\\rc");
    String words = ExternalTool.run(List.of("bash", "-c", "printf '%s\\0' " + quoted)).stdout();
    assertThat(words.split("\0", -1)).containsExactlyElementsOf(append(typed, ""));
  }

  @Test
  void shellQuoted_plainWords_leftAsTyped() {
    assertThat(new Invocation(List.of("acquire", "resume", "/cases/2026-0142/HDD-01", "--key", "jane.p12"), "/", null).shellQuoted())
        .isEqualTo("acquire resume /cases/2026-0142/HDD-01 --key jane.p12");
  }

  @Test
  void new_noProgram_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> new Invocation(List.of(), "/", null));
  }

  private static List<String> append(List<String> words, String last) {
    List<String> all = new java.util.ArrayList<>(words);
    all.add(last);
    return all;
  }
}
