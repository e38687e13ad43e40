package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress record is a working file, not signed evidence: whatever happens to it (a power cut,
 * a disk error, an edit), {@code acquire resume} must still end with the source's image, because
 * every piece it names is checked against the image and every unreadable sector it claims must be
 * zeros there. Seeded mutations of the record of a crashed acquisition (an exact copy of what
 * {@code kill -9} leaves: the image cut mid-piece, the record ahead of it, no manifest).
 */
class ResumeDamagedProgressRecordTest {
  private static final int SOURCE_BYTES = 8 << 20;
  private static final int CASES = 40;

  @TempDir static Path shared;
  private static Path source;
  private static Path crashed;

  @TempDir Path temp;

  @BeforeAll
  static void crashedAcquisition() throws IOException {
    source = Evidence.randomFile(shared.resolve("source.bin"), SOURCE_BYTES, 99);
    crashed = shared.resolve("crashed");
    Cli.Run run = Cli.run("acquire", "image", source.toString(), "--out", crashed.toString(), "--case", "C-1", "--evidence", "E-1",
        "--examiner", "Jane Doe", "--unsigned", "--piece-size", "64KiB");
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.list(crashed)) {
      for (Path file : files.toList()) {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      }
    }
    // As kill -9 after 5 MiB and a bit: the log ends at acquisition-started, no manifest, no report.
    List<String> log = Files.readAllLines(crashed.resolve("custody.jsonl"));
    Files.writeString(crashed.resolve("custody.jsonl"), log.get(0) + "\n");
    Files.delete(crashed.resolve("acquisition.json"));
    Files.delete(crashed.resolve("report.pdf"));
    try (var image = new java.io.RandomAccessFile(crashed.resolve("image.ima").toFile(), "rw")) {
      image.setLength((5L << 20) + 1234);
    }
  }

  @Test
  void resume_progressRecordDamagedAnyWay_endsWithTheSourcesImageAndNoInventedBadSectors() throws IOException {
    Random random = new Random(31337);
    for (int i = 0; i < CASES; i++) {
      Path out = copyOfCrashed(temp.resolve("case-" + i));
      Path record = out.resolve("acquisition-progress.jsonl");
      String damage = damage(record, random);

      Cli.Run resumed = Cli.run("acquire", "resume", out.toString(), "--unsigned");

      assertThat(resumed.exitCode()).as("case %d (%s): %s", i, damage, resumed.err()).isZero();
      assertThat(ExternalTool.identical(source, out.resolve("image.ima"))).as("case %d (%s): image = source", i, damage).isTrue();
      JsonNode manifest = Evidence.manifest(out);
      assertThat(manifest.path("badSectors").path("sectorCount").asLong()).as("case %d (%s): no bad sectors", i, damage).isZero();
      assertThat(manifest.path("outcome").path("status").asText()).isEqualTo("completed");
    }
  }

  /** Damages the record one seeded way; returns what was done, for the failure message. */
  private static String damage(Path record, Random random) throws IOException {
    byte[] bytes = Files.readAllBytes(record);
    List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
    int line = 1 + random.nextInt(lines.size() - 1);
    int kind = random.nextInt(9);
    switch (kind) {
      case 0 -> {
        int at = random.nextInt(bytes.length);
        bytes[at] ^= (byte) (1 + random.nextInt(255));
        Files.write(record, bytes);
        return "byte " + at + " changed";
      }
      case 1 -> {
        int at = random.nextInt(bytes.length + 1);
        Files.write(record, java.util.Arrays.copyOf(bytes, at));
        return "cut at byte " + at;
      }
      case 2 -> {
        byte[] garbage = new byte[1 + random.nextInt(200)];
        random.nextBytes(garbage);
        lines.add(line, new String(garbage, StandardCharsets.ISO_8859_1));
        Files.write(record, String.join("\n", lines).concat("\n").getBytes(StandardCharsets.ISO_8859_1));
        return "garbage line inserted at " + line;
      }
      case 3 -> {
        lines.set(line, lines.get(line).replaceFirst("\"digest\":\"[0-9a-f]{64}\"", "\"digest\":\"" + "0badf00d".repeat(8) + "\""));
        Files.writeString(record, String.join("\n", lines) + "\n");
        return "digest of line " + line + " replaced";
      }
      case 4 -> {
        long piece = line - 1;
        lines.set(line, lines.get(line).replace("\"badSectors\":[]", "\"badSectors\":[{\"firstLba\":" + (piece * 128 + 5) + ",\"count\":3}]"));
        Files.writeString(record, String.join("\n", lines) + "\n");
        return "bad sectors invented in line " + line;
      }
      case 5 -> {
        lines.set(line, lines.get(line).replaceFirst("\"piece\":\\d+", "\"piece\":" + "9".repeat(1 + random.nextInt(40))));
        Files.writeString(record, String.join("\n", lines) + "\n");
        return "huge piece number in line " + line;
      }
      case 6 -> {
        lines.add(line, "[".repeat(5000) + "]".repeat(5000));
        Files.writeString(record, String.join("\n", lines) + "\n");
        return "deep nesting at line " + line;
      }
      case 7 -> {
        lines.set(0, lines.get(0).replace("\"pieceSize\":65536", "\"pieceSize\":131072"));
        Files.writeString(record, String.join("\n", lines) + "\n");
        return "header names another piece size";
      }
      default -> {
        int other = 1 + random.nextInt(lines.size() - 1);
        String kept = lines.get(line);
        lines.set(line, lines.get(other));
        lines.set(other, kept);
        Files.writeString(record, String.join("\n", lines) + "\n");
        return "lines " + line + " and " + other + " swapped";
      }
    }
  }

  private static Path copyOfCrashed(Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(crashed)) {
      for (Path file : files.toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }
}
