package dev.custos.verify;

import dev.custos.custody.CustodyEvent;
import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The manifests of interruptions that {@code acquire resume} set aside ({@code
 * acquisition-interrupted-N.json}), as its {@code acquisition-resumed} events record them: each
 * must still be there, byte for byte. A report rendered before a resumption embeds one of them,
 * not the final manifest. Immutable.
 *
 * @param problems what is missing or changed
 * @param intact the bytes of each set-aside manifest found as recorded
 */
record SetAsideManifests(List<Problem> problems, List<byte[]> intact) {
  private static final Pattern NAME = Pattern.compile("acquisition-interrupted-[0-9]{1,9}\\.json");

  SetAsideManifests {
    problems = List.copyOf(problems);
    intact = List.copyOf(intact);
  }

  static SetAsideManifests check(Path directory, List<CustodyEvent> events) {
    List<Problem> problems = new ArrayList<>();
    List<byte[]> intact = new ArrayList<>();
    for (CustodyEvent event : events) {
      Optional<AcquisitionEvent.PreviousManifest> previous = event.type().equals(AcquisitionEvent.RESUMED)
          ? AcquisitionEventJson.readPreviousManifest(event.data()) : Optional.empty();
      if (previous.isEmpty()) {
        continue;
      }
      String file = Objects.toString(previous.get().file(), "");
      String recorded = Objects.toString(previous.get().sha256(), "");
      if (!NAME.matcher(file).matches()) {
        problems.add(new Problem("custody.jsonl", "seq " + event.seq() + " records a set-aside manifest that is not a file of"
            + " the evidence directory: " + file));
        continue;
      }
      Path path = directory.resolve(file);
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        problems.add(new Problem(file, "missing (or not a regular file): custody event seq " + event.seq()
            + " set it aside with SHA-256 " + recorded));
        continue;
      }
      try {
        byte[] bytes = EvidenceFile.read(path, ReadLimit.MANIFEST);
        String sha256 = Digest.compute(HashAlgorithm.SHA_256, bytes).hex();
        if (sha256.equals(recorded)) {
          intact.add(bytes);
        } else {
          problems.add(new Problem(file, "has SHA-256 " + sha256 + ", but custody event seq " + event.seq() + " recorded "
              + recorded + ": it changed after it was set aside"));
        }
      } catch (IOException e) {
        problems.add(new Problem(file, "cannot be read: " + e.getMessage()));
      }
    }
    return new SetAsideManifests(problems, intact);
  }
}
