package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.digest.ProgressListener;
import dev.custos.evidence.EvidenceClock;
import dev.custos.source.HiddenAreas;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlockGuard;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.Tamper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every change to evidence is caught and located: one flipped byte anywhere in the image, the
 * manifest, the custody log or the report; a truncated, grown, missing or swapped segment. Positions are
 * seeded-random plus every piece boundary; each case is counted, and all must be caught.
 */
class VerifyTamperPropertyTest {
  private static final long SEGMENT = 256 * 1024;
  private static final long PIECE = 64 * 1024;
  private static final long IMAGE = 4 * SEGMENT - 3 * 512;  // the last segment shorter, the last piece short
  private static final Random RANDOM = new Random(20261125);

  @TempDir static Path temp;
  private static Path dir;

  @BeforeAll
  static void acquireASplitImageOfRandomBytes() {
    Path source = Evidence.randomFile(temp.resolve("source.bin"), IMAGE, 42);
    dir = temp.resolve("evidence");
    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", dir.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned", "--format", "split", "--segment-size", "256KiB", "--piece-size", "64KiB");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(verify().verified()).as("the untouched directory").isTrue();
  }

  @Test
  void oneFlippedByteAnywhereInTheImage_isCaught_andItsPieceBytesLbasAndSegmentNamed() throws IOException {
    List<Long> positions = new java.util.ArrayList<>();
    for (long piece = 0; piece * PIECE < IMAGE; piece++) {
      positions.add(piece * PIECE);
      positions.add(Math.min(IMAGE, (piece + 1) * PIECE) - 1);
    }
    for (int i = 0; i < 250; i++) {
      positions.add((long) (RANDOM.nextDouble() * IMAGE));
    }
    int caught = 0;
    for (long position : positions) {
      Path segment = dir.resolve(String.format(Locale.ROOT, "image.%03d", position / SEGMENT + 1));
      long offset = position % SEGMENT;
      int mask = 1 + RANDOM.nextInt(255);
      Tamper.xor(segment, offset, mask);
      VerificationResult result = verify();
      Tamper.xor(segment, offset, mask);

      ImageFindings image = result.image();
      boolean located = !result.verified()
          && image.digests().stream().noneMatch(DigestComparison::matches)
          && image.damaged().size() == 1
          && image.damaged().get(0).index() == position / PIECE
          && image.damaged().get(0).span().firstByte() <= position && position <= image.damaged().get(0).span().lastByte()
          && image.damaged().get(0).span().firstLba() == image.damaged().get(0).span().firstByte() / 512
          && image.damaged().get(0).span().files().stream().anyMatch(file -> file.file().equals(segment.getFileName().toString())
              && file.firstByte() <= offset && offset <= file.lastByte());
      assertThat(located).as("flip of byte %d (%s offset %d): %s", position, segment.getFileName(), offset, result.problems()).isTrue();
      caught++;
    }
    System.out.println("image: " + caught + " of " + positions.size() + " flipped bytes caught and located");
    assertThat(caught).isEqualTo(positions.size());
  }

  @Test
  void oneFlippedByteInTheManifest_isCaught_andTheManifestNamed() throws IOException {
    assertEveryFlipCaught("acquisition.json", 150);
  }

  @Test
  void oneFlippedByteInTheCustodyLog_isCaught_andTheLogNamed() throws IOException {
    assertEveryFlipCaught("custody.jsonl", 150);
  }

  @Test
  void oneFlippedByteInTheReport_isCaught_andTheReportNamed() throws IOException {
    assertEveryFlipCaught("report.pdf", 150);
  }

  @Test
  void aTruncatedGrownOrMissingSegment_isNamed() throws IOException {
    int cases = 0;
    for (int i = 0; i < 30; i++) {
      int index = 1 + RANDOM.nextInt(4);
      String name = String.format(Locale.ROOT, "image.%03d", index);
      Path segment = dir.resolve(name);
      Path saved = temp.resolve("saved");
      Files.copy(segment, saved, StandardCopyOption.REPLACE_EXISTING);
      long size = Files.size(segment);
      String expected;
      switch (i % 3) {
        case 0 -> {
          Tamper.setLength(segment, (long) (RANDOM.nextDouble() * size));
          expected = name + " is truncated";
        }
        case 1 -> {
          Tamper.setLength(segment, size + 1 + RANDOM.nextInt(4096));
          expected = name + " has grown";
        }
        default -> {
          Files.delete(segment);
          expected = name + " is missing";
        }
      }
      VerificationResult result = verify();
      Files.move(saved, segment, StandardCopyOption.REPLACE_EXISTING);

      assertThat(result.verified()).isFalse();
      assertThat(result.result(Check.IMAGE_FILES).problems())
          .anyMatch(problem -> problem.file().equals(name) && problem.message().startsWith(expected));
      cases++;
    }
    assertThat(cases).isEqualTo(30);
    assertThat(verify().verified()).as("restored").isTrue();
  }

  @Test
  void anyTwoSwappedSegmentsOfTheSameSize_areNamedAsSwapped() throws IOException {
    int cases = 0;
    for (int a = 1; a <= 3; a++) {
      for (int b = a + 1; b <= 3; b++) {
        swap(String.format(Locale.ROOT, "image.%03d", a), String.format(Locale.ROOT, "image.%03d", b));
        VerificationResult result = verify();
        swap(String.format(Locale.ROOT, "image.%03d", a), String.format(Locale.ROOT, "image.%03d", b));

        assertThat(result.verified()).isFalse();
        assertThat(result.result(Check.IMAGE_DIGESTS).problems()).extracting(Problem::message)
            .contains(String.format(Locale.ROOT, "image.%03d holds exactly the bytes recorded for image.%03d: segments swapped or renamed", a, b),
                String.format(Locale.ROOT, "image.%03d holds exactly the bytes recorded for image.%03d: segments swapped or renamed", b, a));
        cases++;
      }
    }
    assertThat(cases).isEqualTo(3);
  }

  private static void assertEveryFlipCaught(String name, int cases) throws IOException {
    Path file = dir.resolve(name);
    long size = Files.size(file);
    int caught = 0;
    for (int i = 0; i < cases; i++) {
      long offset = i == 0 ? 0 : i == 1 ? size - 1 : (long) (RANDOM.nextDouble() * size);
      int mask = 1 + RANDOM.nextInt(255);
      Tamper.xor(file, offset, mask);
      VerificationResult result = verify();
      Tamper.xor(file, offset, mask);

      Predicate<Problem> namesFile = problem -> name.equals(problem.file());
      assertThat(!result.verified() && result.problems().stream().anyMatch(namesFile))
          .as("flip of %s byte %d with %02x: %s", name, offset, mask, result.problems()).isTrue();
      caught++;
    }
    System.out.println(name + ": " + caught + " of " + cases + " flipped bytes caught and the file named");
    assertThat(caught).isEqualTo(cases);
  }

  private static VerificationResult verify() {
    try {
      SourceInspector inspector = SourceInspector.system((node, sysfs) -> HiddenAreas.notAvailable("not asked"));
      return new Verification(inspector, WriteBlockGuard.system(), EvidenceClock.system()).verify(dir, null, ProgressListener.NONE);
    } catch (Exception e) {
      throw new AssertionError("verification failed to run: " + e, e);
    }
  }



  private static void swap(String a, String b) throws IOException {
    Path held = temp.resolve("held");
    Files.move(dir.resolve(a), held);
    Files.move(dir.resolve(b), dir.resolve(a));
    Files.move(held, dir.resolve(b));
  }
}
