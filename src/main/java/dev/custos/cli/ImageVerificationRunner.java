package dev.custos.cli;

import dev.custos.error.CustosException;
import dev.custos.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code report verify IMAGE …}: an image another tool acquired, against the digests given. */
final class ImageVerificationRunner {
  private ImageVerificationRunner() {}

  static int run(Path image, ExpectedDigestOptions expected, boolean json, PrintWriter out, PrintWriter err) throws CustosException {
    throw new UsageException("verifying an image file is not available yet");
  }
}
