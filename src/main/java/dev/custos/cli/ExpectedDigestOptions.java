package dev.custos.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --md5 HEX --sha1 HEX --sha256 HEX --sha512 HEX --hashes FILE}: digests an image from another tool should have. */
final class ExpectedDigestOptions {
  @Option(names = "--md5", paramLabel = "HEX", description = "The image's expected MD5.")
  String md5;

  @Option(names = "--sha1", paramLabel = "HEX", description = "The image's expected SHA-1.")
  String sha1;

  @Option(names = "--sha256", paramLabel = "HEX", description = "The image's expected SHA-256.")
  String sha256;

  @Option(names = "--sha512", paramLabel = "HEX", description = "The image's expected SHA-512.")
  String sha512;

  @Option(names = "--hashes", paramLabel = "FILE", description = "Expected digests as md5sum/sha256sum print them (also --tag form).")
  Path hashes;

  boolean given() {
    return md5 != null || sha1 != null || sha256 != null || sha512 != null || hashes != null;
  }
}
