package dev.custos.cli;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.error.CustosException;
import dev.custos.error.EvidenceReadException;
import dev.custos.error.UsageException;
import dev.custos.evidence.JsonText;
import dev.custos.verify.DigestList;
import dev.custos.verify.E01Verification;
import dev.custos.verify.ImageVerification;
import dev.custos.verify.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report verify IMAGE …}: an image another tool acquired, against the digests given, or an
 * E01 set against the digests it stores (and any given). Appends nothing anywhere.
 */
final class ImageVerificationRunner {
  private static final String NOT_RECORDED = "an image from another tool: nothing is appended anywhere";

  private ImageVerificationRunner() {}

  static int run(Environment environment, Path image, ExpectedDigestOptions options, boolean json, PrintWriter out, PrintWriter err)
      throws CustosException, InterruptedException {
    boolean e01 = E01Verification.isE01(image);
    List<Path> files = e01 ? List.of(image) : ImageVerification.files(image);
    List<Digest> expected = new ArrayList<>();
    add(expected, HashAlgorithm.MD5, options.md5, "--md5");
    add(expected, HashAlgorithm.SHA_1, options.sha1, "--sha1");
    add(expected, HashAlgorithm.SHA_256, options.sha256, "--sha256");
    add(expected, HashAlgorithm.SHA_512, options.sha512, "--sha512");
    if (options.hashes != null) {
      try {
        for (Digest digest : DigestList.read(options.hashes).expectedFor(files)) {
          if (expected.stream().anyMatch(given -> given.algorithm() == digest.algorithm() && !given.equals(digest))) {
            throw new UsageException(options.hashes + " gives another " + digest.algorithm().displayName() + " than the option does");
          }
          if (!expected.contains(digest)) {
            expected.add(digest);
          }
        }
      } catch (IOException e) {
        throw new EvidenceReadException("cannot read " + options.hashes + ": " + e.getMessage(), e);
      }
    }
    ConsoleProgress progress = new ConsoleProgress(err, System.console() != null);
    VerificationResult result = e01 ? E01Verification.verify(image, expected, progress, environment.evidenceClock())
        : ImageVerification.verify(files, expected, progress, environment.evidenceClock());
    if (json) {
      out.print(JsonText.of(VerificationJson.of(result, "image", null, NOT_RECORDED)));
    } else {
      VerificationTable.print(result, !e01 ? "the image has every digest given"
          : expected.isEmpty() ? "the media has the digests the set stores, and no chunk is damaged; those digests are the set's"
              + " own word, which whoever wrote it could have made: give the digests recorded at acquisition (--md5, --sha1, …)"
              + " to prove it is the image acquired"
          : "the media has every digest given and every digest the set stores; no chunk is damaged", out);
    }
    out.flush();
    return result.verified() ? ExitCodes.OK : ExitCodes.DOES_NOT_VERIFY;
  }

  private static void add(List<Digest> expected, HashAlgorithm algorithm, String hex, String option) throws UsageException {
    if (hex == null) {
      return;
    }
    try {
      expected.add(Digest.fromHex(algorithm, hex.trim().toLowerCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage(), e);
    }
  }
}
