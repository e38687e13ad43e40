package dev.custos.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile manifests and custody logs: random byte changes, truncations, invalid UTF-8,
 * deep nesting, numbers no type holds, terminal control sequences in string values. {@code report
 * verify} and {@code report custody} answer each with exit 1 or 2 and at most one line on stderr:
 * never a stack trace, never a hang, never a character that steers a terminal. Every case is
 * counted; case {@code i} is made from its own seed, so a failing case is reproduced alone by its
 * number, whichever worker ran it.
 */
class VerifyHostileInputPropertyTest {
  private static final int CASES_PER_FILE = 1000;
  private static final int KINDS = 8;
  private static final long SEED = 8;
  /** Cases run on this many threads, each on its own copy of the evidence: two cores, one command a thread. */
  private static final int WORKERS = 2;
  /** Anything but line feeds that a terminal would act on: C0 and C1 controls, DEL, bidi controls. */
  private static final Pattern STEERS_A_TERMINAL = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

  @TempDir static Path temp;
  private static final List<Path> DIRS = new ArrayList<>();
  private static byte[] manifest;
  private static byte[] log;

  @BeforeAll
  static void acquire() throws IOException {
    Path dir = temp.resolve("evidence-0");
    assertThat(Evidence.acquireFloppy(dir, "--unsigned").exitCode()).isZero();
    manifest = Files.readAllBytes(dir.resolve("acquisition.json"));
    log = Files.readAllBytes(dir.resolve("custody.jsonl"));
    for (int w = 0; w < WORKERS; w++) {
      Path copy = temp.resolve("evidence-" + w);
      if (w > 0) {
        ExternalTool.ok("cp", "-a", dir.toString(), copy.toString());
      }
      copy.resolve("acquisition.json").toFile().setWritable(true);
      copy.resolve("custody.jsonl").toFile().setWritable(true);
      DIRS.add(copy);
    }
  }

  @Test
  @Timeout(300)
  void hostileManifests_getExit1Or2AndOneLine_neverATrace() throws Exception {
    int[] answered = runCases((dir, i) -> {
      byte[] hostile = mutate(manifest, i);
      Files.write(dir.resolve("acquisition.json"), hostile);
      assertAnsweredCleanly(Cli.run("report", "verify", dir.toString(), "--no-record"), "manifest case " + i, hostile, 1, 2);
    });
    System.out.println("hostile manifests: " + IntStream.of(answered).sum() + " of " + CASES_PER_FILE
        + " answered with exit 1 or 2 and one line; by kind " + Arrays.toString(answered));
    assertThat(IntStream.of(answered).sum()).isEqualTo(CASES_PER_FILE);
    for (Path dir : DIRS) {
      Files.write(dir.resolve("acquisition.json"), manifest);
    }
  }

  @Test
  @Timeout(300)
  void hostileCustodyLogs_getExit1Or2AndOneLine_neverATrace_fromVerifyAndCustody() throws Exception {
    int[] answered = runCases((dir, i) -> {
      byte[] hostile = mutate(log, i);
      Files.write(dir.resolve("custody.jsonl"), hostile);
      assertAnsweredCleanly(Cli.run("report", "verify", dir.toString(), "--no-record"), "log case " + i, hostile, 1, 2);
      // A log cut short is a shorter chain, or ends in a torn append: report custody alone cannot
      // tell (report verify can, from the report's head), so it may answer 0 for a truncation.
      assertAnsweredCleanly(Cli.run("report", "custody", dir.toString()), "custody log case " + i, hostile,
          i % KINDS == 1 ? new Integer[] {0, 1, 2} : new Integer[] {1, 2});
    });
    System.out.println("hostile custody logs: " + IntStream.of(answered).sum() + " of " + CASES_PER_FILE
        + " answered by verify and custody; by kind " + Arrays.toString(answered));
    assertThat(IntStream.of(answered).sum()).isEqualTo(CASES_PER_FILE);
    for (Path dir : DIRS) {
      Files.write(dir.resolve("custody.jsonl"), log);
      assertThat(Cli.run("report", "verify", dir.toString(), "--no-record").exitCode()).as("restored").isZero();
    }
  }

  @FunctionalInterface
  private interface Case {
    void run(Path dir, int index) throws IOException;
  }

  /** Runs cases 0 … CASES_PER_FILE-1, worker w taking w, w+WORKERS, …; returns how many of each kind were answered. */
  private static int[] runCases(Case check) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<int[]>> workers = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        workers.add(pool.submit(() -> {
          int[] answered = new int[KINDS];
          for (int i = worker; i < CASES_PER_FILE; i += WORKERS) {
            check.run(DIRS.get(worker), i);
            answered[i % KINDS]++;
          }
          return answered;
        }));
      }
      int[] answered = new int[KINDS];
      for (Future<int[]> worker : workers) {
        try {
          int[] counts = worker.get();
          Arrays.setAll(answered, k -> answered[k] + counts[k]);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof AssertionError failure) {
            throw failure;
          }
          throw e;
        }
      }
      return answered;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertAnsweredCleanly(Cli.Run run, String what, byte[] input, Integer... exitCodes) {
    String shown = new String(input, 0, Math.min(input.length, 300), StandardCharsets.UTF_8);
    assertThat(run.exitCode()).as("%s exit code (stderr: %s) for input starting %s", what, run.err(), shown)
        .isIn((Object[]) exitCodes);
    assertThat(run.err().lines().filter(line -> !line.startsWith("progress:")).count()).as("%s stderr lines: %s", what, run.err())
        .isLessThanOrEqualTo(1);
    assertThat(run.err() + run.out()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(STEERS_A_TERMINAL.matcher(run.out() + run.err()).find()).as("%s printed a terminal control: %s%s", what, run.out(),
        run.err()).isFalse();
  }

  /** One of several kinds of damage, chosen by the case number, at places chosen by the case's own seed. */
  private static byte[] mutate(byte[] original, int index) {
    Random random = new Random(SEED * 1_000_003L + index);
    byte[] bytes = original.clone();
    int at = random.nextInt(bytes.length);
    switch (index % KINDS) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
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
        int depth = 5_000 + random.nextInt(20_000);
        return splice(bytes, at, ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII));
      }
      case 4 -> {
        return replaceFirstNumber(bytes, at, "1" + "0".repeat(400));
      }
      case 5 -> {
        // A list, not a Set: Set.of's iteration order changes from JVM to JVM, and a case must be reproducible.
        List<String> numbers = List.of("-1", "1e400", "9223372036854775808", "-9223372036854775809", "0.5");
        return replaceFirstNumber(bytes, at, numbers.get(random.nextInt(numbers.size())));
      }
      case 6 -> {
        return insertIntoStringValue(bytes, at, "\\u001b[2J\\u001b]0;pwned\\u0007\\r\\u009b31m\\u202edesrever\\u0000");
      }
      default -> {
        byte[] tail = Arrays.copyOfRange(bytes, random.nextInt(bytes.length), bytes.length);
        return splice(bytes, at, tail);
      }
    }
  }

  /** {@code escaped}, JSON string escapes, inserted at the start of the first string value at or after {@code from}. */
  private static byte[] insertIntoStringValue(byte[] bytes, int from, String escaped) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher value = Pattern.compile("\":\\s*\"").matcher(text);
    if (!value.find(from) && !value.find(0)) {
      throw new AssertionError("no string value to insert into");
    }
    return splice(bytes, value.end(), escaped.getBytes(StandardCharsets.US_ASCII));
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
