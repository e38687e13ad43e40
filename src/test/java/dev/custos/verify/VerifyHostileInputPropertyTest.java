package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile manifests and custody logs: random byte changes, truncations, invalid UTF-8,
 * deep nesting, numbers no type holds. {@code report verify} and {@code report custody} answer each
 * with exit 1 or 2 and at most one line on stderr: never a stack trace, never a hang. Every case is
 * counted.
 */
class VerifyHostileInputPropertyTest {
  private static final int CASES_PER_FILE = 700;
  private static final Random RANDOM = new Random(8);

  @TempDir static Path temp;
  private static Path dir;
  private static byte[] manifest;
  private static byte[] log;

  @BeforeAll
  static void acquire() throws IOException {
    dir = temp.resolve("evidence");
    assertThat(Evidence.acquireFloppy(dir, "--unsigned").exitCode()).isZero();
    manifest = Files.readAllBytes(dir.resolve("acquisition.json"));
    log = Files.readAllBytes(dir.resolve("custody.jsonl"));
    dir.resolve("acquisition.json").toFile().setWritable(true);
    dir.resolve("custody.jsonl").toFile().setWritable(true);
  }

  @Test
  @Timeout(300)
  void hostileManifests_getExit1Or2AndOneLine_neverATrace() throws IOException {
    int answered = 0;
    for (int i = 0; i < CASES_PER_FILE; i++) {
      byte[] hostile = mutate(manifest, i);
      Files.write(dir.resolve("acquisition.json"), hostile);
      assertAnsweredCleanly(Cli.run("report", "verify", dir.toString(), "--no-record"), "manifest case " + i, hostile, 1, 2);
      answered++;
    }
    Files.write(dir.resolve("acquisition.json"), manifest);
    System.out.println("hostile manifests: " + answered + " of " + CASES_PER_FILE + " answered with exit 1 or 2 and one line");
    assertThat(answered).isEqualTo(CASES_PER_FILE);
  }

  @Test
  @Timeout(300)
  void hostileCustodyLogs_getExit1Or2AndOneLine_neverATrace_fromVerifyAndCustody() throws IOException {
    int answered = 0;
    for (int i = 0; i < CASES_PER_FILE; i++) {
      byte[] hostile = mutate(log, i);
      Files.write(dir.resolve("custody.jsonl"), hostile);
      assertAnsweredCleanly(Cli.run("report", "verify", dir.toString(), "--no-record"), "log case " + i, hostile, 1, 2);
      // A log cut short is a shorter chain, or ends in a torn append: report custody alone cannot
      // tell (report verify can, from the report's head), so it may answer 0 for a truncation.
      assertAnsweredCleanly(Cli.run("report", "custody", dir.toString()), "custody log case " + i, hostile,
          i % 7 == 1 ? new Integer[] {0, 1, 2} : new Integer[] {1, 2});
      answered++;
    }
    Files.write(dir.resolve("custody.jsonl"), log);
    System.out.println("hostile custody logs: " + answered + " of " + CASES_PER_FILE + " answered by verify and custody");
    assertThat(answered).isEqualTo(CASES_PER_FILE);
    assertThat(Cli.run("report", "verify", dir.toString(), "--no-record").exitCode()).as("restored").isZero();
  }

  private static void assertAnsweredCleanly(Cli.Run run, String what, byte[] input, Integer... exitCodes) {
    String shown = new String(input, 0, Math.min(input.length, 300), StandardCharsets.UTF_8);
    assertThat(run.exitCode()).as("%s exit code (stderr: %s) for input starting %s", what, run.err(), shown)
        .isIn((Object[]) exitCodes);
    assertThat(run.err().lines().filter(line -> !line.startsWith("progress:")).count()).as("%s stderr lines: %s", what, run.err())
        .isLessThanOrEqualTo(1);
    assertThat(run.err() + run.out()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
  }

  /** One of several kinds of damage, chosen by the case number, at random places. */
  private static byte[] mutate(byte[] original, int index) {
    byte[] bytes = original.clone();
    int at = RANDOM.nextInt(bytes.length);
    switch (index % 7) {
      case 0 -> {
        for (int flips = 1 + RANDOM.nextInt(8); flips > 0; flips--) {
          bytes[RANDOM.nextInt(bytes.length)] ^= (byte) (1 + RANDOM.nextInt(255));
        }
        return bytes;
      }
      case 1 -> {
        return Arrays.copyOf(bytes, at);
      }
      case 2 -> {
        return splice(bytes, at, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
      }
      case 3 -> {
        int depth = 5_000 + RANDOM.nextInt(20_000);
        return splice(bytes, at, ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII));
      }
      case 4 -> {
        return replaceFirstNumber(bytes, at, "1" + "0".repeat(400));
      }
      case 5 -> {
        return replaceFirstNumber(bytes, at, Set.of("-1", "1e400", "9223372036854775808", "-9223372036854775809", "0.5")
            .stream().skip(RANDOM.nextInt(5)).findFirst().orElseThrow());
      }
      default -> {
        byte[] tail = Arrays.copyOfRange(bytes, RANDOM.nextInt(bytes.length), bytes.length);
        return splice(bytes, at, tail);
      }
    }
  }

  private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(inserted);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  /** The first run of digits at or after {@code from} replaced by {@code number}. */
  private static byte[] replaceFirstNumber(byte[] bytes, int from, String number) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher digits = java.util.regex.Pattern.compile("(?<=[:\\[,] ?)\\d+").matcher(text);
    if (!digits.find(from) && !digits.find(0)) {
      return bytes;
    }
    return (text.substring(0, digits.start()) + number + text.substring(digits.end())).getBytes(StandardCharsets.ISO_8859_1);
  }
}
