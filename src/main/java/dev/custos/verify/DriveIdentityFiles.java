package dev.custos.verify;

import dev.custos.evidence.TranscriptFiles;
import dev.custos.source.driveidentity.DriveIdentity;
import dev.custos.source.driveidentity.Transcript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The drive identity transcripts the manifest lists ({@code drive-identity-*}): each must still be
 * there, byte for byte, as its recorded size and SHA-256 say. What the drive said before and after
 * the read is evidence like the image: a transcript changed afterwards would put words in its
 * mouth. Stateless.
 */
final class DriveIdentityFiles {
  private DriveIdentityFiles() {}

  /** One problem per transcript missing or changed, in the manifest's order. */
  static List<Problem> check(Path directory, List<Transcript.TranscriptFile> files) {
    List<Problem> problems = new ArrayList<>();
    for (Transcript.TranscriptFile file : files) {
      DriveIdentity.Read read = TranscriptFiles.read(directory, file);
      read.problem().ifPresent(problem -> problems.add(new Problem(file.name(), problem)));
    }
    return problems;
  }
}
