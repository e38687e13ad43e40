package dev.custos.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.custos.testing.ExternalTool;
import dev.custos.testing.TestBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriteOnceTest {

  @ParameterizedTest(name = "{0} bytes")
  @ValueSource(ints = {0, 1, 511, 512, 513, 65537})
  void writeNew_newTarget_exactBytesMode0444AndNoPartialFileLeft(int size, @TempDir Path dir) throws Exception {
    byte[] content = TestBytes.random(size, size);
    Path expected = Files.write(Files.createDirectory(dir.resolve("expected")).resolve("acquisition.json"), content);
    Path out = Files.createDirectory(dir.resolve("evidence"));
    Path target = out.resolve("acquisition.json");

    WriteOnce.writeNew(target, content);

    assertThat(ExternalTool.identical(expected, target)).as("cmp").isTrue();
    assertThat(ExternalTool.ok("stat", "-c", "%a", target.toString()).strip()).isEqualTo("444");
    assertThat(namesIn(out)).containsExactly("acquisition.json");
  }

  @Test
  void writeNew_existingTarget_throwsAndLeavesItByteIdentical(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectory(dir.resolve("evidence"));
    Path target = Files.writeString(out.resolve("acquisition.json"), "{\"the\":\"original\"}\n", StandardCharsets.UTF_8);
    Path reference = Files.copy(target, dir.resolve("reference.json"));
    String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
    FileTime modified = Files.getLastModifiedTime(target);

    assertThatExceptionOfType(FileAlreadyExistsException.class)
        .isThrownBy(() -> WriteOnce.writeNew(target, "{\"a\":\"forgery\"}\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(ExternalTool.identical(reference, target)).as("cmp: target unchanged").isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo(permissions);
    assertThat(Files.getLastModifiedTime(target)).isEqualTo(modified);
    assertThat(namesIn(out)).as("no .partial file left behind").containsExactly("acquisition.json");
  }

  @Test
  void writeNew_existingReadOnlyTarget_throwsAndLeavesItByteIdentical(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("custody.jsonl");
    WriteOnce.writeNew(target, "first\n".getBytes(StandardCharsets.UTF_8));

    assertThatExceptionOfType(FileAlreadyExistsException.class)
        .isThrownBy(() -> WriteOnce.writeNew(target, "second\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("first\n");
    assertThat(namesIn(dir)).containsExactly("custody.jsonl");
  }

  @Test
  void writeNew_stalePartialFromACrash_replacedAndRemoved(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".acquisition.json.partial"), "half a manifest", StandardCharsets.UTF_8);
    Path target = dir.resolve("acquisition.json");

    WriteOnce.writeNew(target, "whole".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("whole");
    assertThat(namesIn(dir)).containsExactly("acquisition.json");
  }

  @Test
  void writeNew_relativeTarget_resolvedAgainstTheWorkingDirectory(@TempDir Path dir) throws Exception {
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("examiner.pem"));

    WriteOnce.writeNew(relative, "pem".getBytes(StandardCharsets.UTF_8));

    assertThat(Files.readString(dir.resolve("examiner.pem"), StandardCharsets.UTF_8)).isEqualTo("pem");
  }

  @Test
  void seal_writableFile_becomesMode0444WithContentUnchanged(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("image.001"), "sectors", StandardCharsets.UTF_8);

    WriteOnce.seal(file);

    assertThat(ExternalTool.ok("stat", "-c", "%a", file.toString()).strip()).isEqualTo("444");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("sectors");
  }

  private static List<String> namesIn(Path dir) throws Exception {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).toList();
    }
  }
}
