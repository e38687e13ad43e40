package dev.custos.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseInfoTest {

  @ParameterizedTest(name = "''{0}''")
  @NullSource
  @ValueSource(strings = {"", " ", "\t", "\n", "   \u3000 "})
  void constructor_blankCaseId_rejectedNamingTheField(String blank) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CaseInfo(blank, "HDD-01", "A. Examiner", null, null))
        .withMessageStartingWith("case id ");
  }

  @ParameterizedTest(name = "''{0}''")
  @NullSource
  @ValueSource(strings = {"", "  "})
  void constructor_blankEvidenceId_rejectedNamingTheField(String blank) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CaseInfo("2026-0142", blank, "A. Examiner", null, null))
        .withMessageStartingWith("evidence id ");
  }

  @ParameterizedTest(name = "''{0}''")
  @NullSource
  @ValueSource(strings = {"", "  "})
  void constructor_blankExaminer_rejectedNamingTheField(String blank) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CaseInfo("2026-0142", "HDD-01", blank, null, null))
        .withMessageStartingWith("examiner ");
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0000", "0007", "0009", "000A", "000D", "001B", "007F", "0085"})
  void constructor_controlCharacterInAnIdentifier_rejectedNamingFieldAndCharacter(String codePoint) {
    String id = "2026" + (char) Integer.parseInt(codePoint, 16) + "0142";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CaseInfo(id, "HDD-01", "A. Examiner", null, null))
        .withMessageStartingWith("case id ")
        .withMessageContaining("U+" + codePoint);
  }

  @Test
  void constructor_controlCharacterInExaminer_rejectedNamingTheField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CaseInfo("2026-0142", "HDD-01", "A.\u001b[2JExaminer", null, null))
        .withMessageStartingWith("examiner ")
        .withMessageContaining("U+001B");
  }

  @Test
  void constructor_escapeSequenceInNotes_rejectedNamingTheField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CaseInfo("2026-0142", "HDD-01", "A. Examiner", null, "ok\n\u001b[31mred"))
        .withMessageStartingWith("notes ")
        .withMessageContaining("U+001B");
  }

  @Test
  void constructor_multiLineDescriptionAndNotes_keptLineForLine() {
    String description = "Seagate ST500DM002, 500 GB\nS/N Z3T0ABCD\n\tlabel: \"office PC\"";
    String notes = "seized 2026-11-24 14:05\nbag 7731";

    CaseInfo info = new CaseInfo("2026-0142", "HDD-01", "A. Examiner", description, notes);

    assertThat(info.description()).isEqualTo(description);
    assertThat(info.notes()).isEqualTo(notes);
  }

  @Test
  void constructor_surroundingWhitespace_stripped() {
    CaseInfo info = new CaseInfo("  2026-0142\t", " HDD-01 ", "\u2003A. Examiner  ", "\n  a drive \n", " n ");

    assertThat(info.caseId()).isEqualTo("2026-0142");
    assertThat(info.evidenceId()).isEqualTo("HDD-01");
    assertThat(info.examiner()).isEqualTo("A. Examiner");
    assertThat(info.description()).isEqualTo("a drive");
    assertThat(info.notes()).isEqualTo("n");
  }

  @ParameterizedTest(name = "''{0}''")
  @NullSource
  @ValueSource(strings = {"", "  ", "\n\t"})
  void constructor_blankDescriptionOrNotes_absent(String blank) {
    CaseInfo info = new CaseInfo("2026-0142", "HDD-01", "A. Examiner", blank, blank);

    assertThat(info.description()).isNull();
    assertThat(info.notes()).isNull();
  }

  @Test
  void constructor_nonAsciiNames_keptExactly() {
    CaseInfo info = new CaseInfo("Az. 4 Js 1234/26", "USB-Ä1", "Zoë Łukasiewicz-Müller 山田", null, null);

    assertThat(info.examiner()).isEqualTo("Zoë Łukasiewicz-Müller 山田");
    assertThat(info.evidenceId()).isEqualTo("USB-Ä1");
  }

  @Test
  void constructor_caseIdOfMaximumLength_acceptedOneMoreRejected() {
    String longest = "C".repeat(128);

    assertThat(new CaseInfo(longest, "HDD-01", "A. Examiner", null, null).caseId()).isEqualTo(longest);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CaseInfo(longest + "C", "HDD-01", "A. Examiner", null, null))
        .withMessageStartingWith("case id ")
        .withMessageContaining("129")
        .withMessageContaining("128");
  }
}
