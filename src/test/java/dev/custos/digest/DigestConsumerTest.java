package dev.custos.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.custos.testing.ExternalTool;
import dev.custos.testing.TestBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DigestConsumerTest {

  static Stream<Arguments> awkwardSizesAndPools() {
    return TestBytes.awkwardSizes().boxed()
        .flatMap(size -> IntStream.of(2, 3).mapToObj(pool -> Arguments.of(size, pool)));
  }

  @ParameterizedTest(name = "{0} bytes, blocks of 4096, pool of {1}")
  @MethodSource("awkwardSizesAndPools")
  void result_awkwardSizeThroughPipeline_everyAlgorithmMatchesCoreutils(int size, int pool, @TempDir Path dir)
      throws Exception {
    Path source = TestBytes.file(dir, "source", size, size);
    List<DigestConsumer> digests = Arrays.stream(HashAlgorithm.values()).map(DigestConsumer::new).toList();

    PipelineFeeder.feed(source, new BlockPipeline(digests, TestBytes.BLOCK, pool));

    for (DigestConsumer digest : digests) {
      assertThat(digest.result().hex())
          .as("%s of %d bytes", digest.algorithm().displayName(), size)
          .isEqualTo(ExternalTool.digestOf(coreutilsTool(digest.algorithm()), source));
    }
  }

  @ParameterizedTest(name = "{0} bytes, blocks of 1000")
  @MethodSource("dev.custos.testing.TestBytes#awkwardSizes")
  void result_blockSizeNotAPowerOfTwo_everyAlgorithmMatchesCoreutils(int size, @TempDir Path dir) throws Exception {
    Path source = TestBytes.file(dir, "source", size, ~size);
    List<DigestConsumer> digests = Arrays.stream(HashAlgorithm.values()).map(DigestConsumer::new).toList();

    PipelineFeeder.feed(source, new BlockPipeline(digests, 1000, 2));

    for (DigestConsumer digest : digests) {
      assertThat(digest.result().hex())
          .as("%s of %d bytes", digest.algorithm().displayName(), size)
          .isEqualTo(ExternalTool.digestOf(coreutilsTool(digest.algorithm()), source));
    }
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void accept_staleBytesBeyondTheBlockLength_hashesOnlyTheValidBytes(HashAlgorithm algorithm, @TempDir Path dir)
      throws Exception {
    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
    Path expected = Files.write(dir.resolve("hello"), hello);
    Block block = new Block(new byte[TestBytes.BLOCK], null);
    Arrays.fill(block.data(), (byte) 0xAA);
    System.arraycopy(hello, 0, block.data(), 0, hello.length);
    block.fill(0, hello.length);
    DigestConsumer digest = new DigestConsumer(algorithm);

    digest.accept(block);
    digest.finish();

    assertThat(digest.result().hex()).isEqualTo(ExternalTool.digestOf(coreutilsTool(algorithm), expected));
  }

  @Test
  void result_beforeFinish_throwsNamingTheAlgorithm() {
    DigestConsumer digest = new DigestConsumer(HashAlgorithm.SHA_512);

    assertThatIllegalStateException().isThrownBy(digest::result).withMessageContaining("sha512");
  }

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void name_isTheAlgorithmId(HashAlgorithm algorithm) {
    assertThat(new DigestConsumer(algorithm).name()).isEqualTo(algorithm.id());
  }

  static String coreutilsTool(HashAlgorithm algorithm) {
    return switch (algorithm) {
      case MD5 -> "md5sum";
      case SHA_1 -> "sha1sum";
      case SHA_256 -> "sha256sum";
      case SHA_512 -> "sha512sum";
    };
  }
}
