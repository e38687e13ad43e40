package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.Identities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A name that displays exactly like "Jane Doe" but is another string is refused wherever a name is
 * typed: invisible format characters (Unicode Cf) and bidirectional marks and controls, in the
 * examiner, case and evidence fields, the recipient of a hand-over, and a certificate's subject.
 */
class InvisibleNamesTest {
  /** RIGHT-TO-LEFT MARK, ZERO WIDTH SPACE, ARABIC LETTER MARK, LEFT-TO-RIGHT MARK, WORD JOINER, BOM, SOFT HYPHEN. */
  private static final int[] INVISIBLE = {0x200F, 0x200B, 0x061C, 0x200E, 0x2060, 0xFEFF, 0x00AD};

  @TempDir static Path keys;
  private static Identities.KeyFile jane;
  private static Path evidence;

  @TempDir Path temp;

  @BeforeAll
  static void acquireOnce() {
    jane = Identities.keygen(keys, "jane", "Jane Doe");
    evidence = keys.resolve("evidence");
    assertThat(Evidence.acquireFloppy(evidence, jane.options()).exitCode()).isZero();
  }

  static Stream<Arguments> fieldsAndCharacters() {
    List<Arguments> cases = new ArrayList<>();
    for (int c : INVISIBLE) {
      for (String field : List.of("--examiner", "--case", "--evidence")) {
        cases.add(Arguments.of(field, c));
      }
    }
    return cases.stream();
  }

  private static String janeWith(int c) {
    return "Jane" + new String(Character.toChars(c)) + " Doe";
  }

  private static String hex(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("fieldsAndCharacters")
  void acquire_fieldWithAnInvisibleCharacter_refusedExit2OneLine_nothingWritten(String field, int c) {
    Path out = temp.resolve("evidence");
    List<String> args = new ArrayList<>(List.of("acquire", "image", Evidence.FLOPPY.toString(), "--out", out.toString(),
        "--case", "2026-0142", "--evidence", "FLOPPY-01", "--examiner", "Jane Doe", "--unsigned"));
    args.set(args.indexOf(field) + 1, janeWith(c));

    Cli.Run run = Cli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1).startsWith("acquire image: ").contains(hex(c), "at character 5");
    assertThat(out.resolve("custody.jsonl")).doesNotExist();
    assertThat(out.resolve("acquisition.json")).doesNotExist();
  }

  @Test
  void transfer_recipientWithAnInvisibleCharacter_refusedExit2OneLine_logUnchanged() throws IOException {
    byte[] before = Files.readAllBytes(evidence.resolve("custody.jsonl"));
    for (int c : INVISIBLE) {
      Cli.Run run = Cli.run(Cli.join(new String[] {"report", "transfer", evidence.toString(), "--to", janeWith(c)}, jane.options()));

      assertThat(run.exitCode()).as(hex(c)).isEqualTo(2);
      assertThat(run.err()).hasLineCount(1).startsWith("report transfer: --to holds ").contains(hex(c));
    }
    assertThat(Files.readAllBytes(evidence.resolve("custody.jsonl"))).isEqualTo(before);
  }

  @Test
  void keygen_nameOrOrganisationWithAnInvisibleCharacter_refusedExit2OneLine_noKeyWritten() throws IOException {
    Path password = Files.writeString(temp.resolve("password"), "correct horse battery staple\n", StandardCharsets.UTF_8);
    for (int c : INVISIBLE) {
      for (String option : List.of("--name", "--org")) {
        Path out = temp.resolve("key.p12");
        List<String> args = new ArrayList<>(List.of("report", "keygen", "--name", "Jane Doe", "--org", "Lab X", "--out",
            out.toString(), "--password-file", password.toString(), "--lab-ca-password-file", password.toString()));
        args.set(args.indexOf(option) + 1, janeWith(c));

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(option + " " + hex(c) + ": " + run.err()).isEqualTo(2);
        assertThat(run.err()).hasLineCount(1).startsWith("report keygen: ").contains(hex(c));
        assertThat(out).doesNotExist();
        assertThat(temp.resolve("lab-ca.p12")).doesNotExist();
      }
    }
  }

  /** Notes keep the joiners written languages need inside words; the bidirectional marks are refused everywhere. */
  @Test
  void note_zeroWidthNonJoinerKept_rightToLeftMarkRefused() {
    Cli.Run persian = Cli.run(Cli.join(new String[] {"report", "note", evidence.toString(), "می\u200Cخواهم"}, jane.options()));
    Cli.Run mark = Cli.run(Cli.join(new String[] {"report", "note", evidence.toString(), "sealed \u200Fbag 42"}, jane.options()));

    assertThat(persian.exitCode()).as(persian.err()).isZero();
    assertThat(mark.exitCode()).isEqualTo(2);
    assertThat(mark.err()).hasLineCount(1).contains("U+200F RIGHT-TO-LEFT MARK");
  }
}
