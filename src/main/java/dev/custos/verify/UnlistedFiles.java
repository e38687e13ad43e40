package dev.custos.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.LogEvent;
import dev.custos.custody.LogEventJson;
import dev.custos.evidence.AcquisitionEvent;
import dev.custos.evidence.AcquisitionEventJson;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.TranscriptFiles;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageLayout;
import dev.custos.io.EvidenceFile;
import dev.custos.source.driveidentity.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of an evidence directory that are not part of the evidence: named neither by Custos's
 * layout ({@link EvidenceDirectory#isLayoutName}) nor by the manifest (its image files and drive
 * identity transcripts) nor by the custody log (manifests and torn lines set aside, the drive
 * identity transcripts a run's first event records). A copy left beside an image ({@code
 * image.ima.bak}), a torn line no {@code log-repaired} event set aside, a {@code .partial} file of a
 * write that did not finish: none of them changes what verifies, and none is read, but an examiner
 * should know they are there. Stateless.
 */
final class UnlistedFiles {
  /** What Custos names the certificate of a later signer in {@code certificates/}. */
  private static final Pattern CERTIFICATE_NAME = Pattern.compile("[0-9a-f]{64}\\.pem");

  private UnlistedFiles() {}

  /**
   * One warning a file not part of the evidence, in name order.
   *
   * @param recorded the manifest's facts, or null when it cannot be read: image files are then
   *     taken as the evidence they are named like
   * @param events the custody events that could be read
   * @throws UncheckedIOException if the directory cannot be listed
   */
  static List<Problem> in(Path directory, RecordedAcquisition recorded, List<CustodyEvent> events) {
    Set<String> named = new HashSet<>();
    if (recorded != null) {
      recorded.files().stream().map(ImageFile::name).forEach(named::add);
      recorded.transcripts().forEach(transcript -> named.add(transcript.name()));
    }
    List<Problem> warnings = new ArrayList<>();
    for (CustodyEvent event : events) {
      JsonNode data = event.data();
      if (event.type().equals(AcquisitionEvent.STARTED) || event.type().equals(AcquisitionEvent.RESUMED)) {
        warnings.addAll(transcriptsOfRunStart(directory, event, named));
      }
      if (event.type().equals(AcquisitionEvent.RESUMED)) {
        AcquisitionEventJson.readPreviousManifest(data).map(AcquisitionEvent.PreviousManifest::file).ifPresent(named::add);
      } else if (event.type().equals(LogEvent.LOG_REPAIRED)) {
        String file = LogEventJson.readLogRepaired(data).setAsideAs();
        named.add(file == null ? "" : file);
      }
    }
    for (Path entry : list(directory)) {
      String name = entry.getFileName().toString();
      boolean part = EvidenceDirectory.isLayoutName(name) || named.contains(name)
          || recorded == null && ImageLayout.isImageFileName(name);
      if (!part) {
        warnings.add(new Problem(name, "not part of the evidence: " + describe(entry) + " that neither the manifest nor the"
            + " custody log names (not read; it does not change the verdict)"));
      }
    }
    Path certificates = directory.resolve(EvidenceDirectory.CERTIFICATES);
    if (Files.isDirectory(certificates, LinkOption.NOFOLLOW_LINKS)) {
      for (Path entry : list(certificates)) {
        String name = EvidenceDirectory.CERTIFICATES + "/" + entry.getFileName();
        if (!CERTIFICATE_NAME.matcher(entry.getFileName().toString()).matches()) {
          warnings.add(new Problem(name, "not a certificate Custos recorded: " + describe(entry) + " not named"
              + " <certificate SHA-256>.pem (it does not change the verdict)"));
        }
      }
    }
    return warnings;
  }

  /**
   * Names the drive identity transcripts a run's first event records that the manifest does not
   * list (a run killed before its manifest): part of the evidence, vouched for by the signed log,
   * as long as each is as the event records it; one warning for each that is not.
   */
  private static List<Problem> transcriptsOfRunStart(Path directory, CustodyEvent event, Set<String> named) {
    List<Problem> changed = new ArrayList<>();
    List<Transcript> transcripts;
    try {
      transcripts = AcquisitionEventJson.readDriveIdentity(event.data());
    } catch (IllegalArgumentException e) {
      return List.of(new Problem("custody event " + event.seq(), "its drive identity queries cannot be read: " + e.getMessage()));
    }
    for (Transcript transcript : transcripts) {
      if (transcript.file().isEmpty() || named.contains(transcript.file().get().name())) {
        continue;
      }
      Transcript.TranscriptFile file = transcript.file().get();
      named.add(file.name());
      TranscriptFiles.read(directory, file, "custody event " + event.seq()).problem()
          .ifPresent(problem -> changed.add(new Problem(file.name(), problem)));
    }
    return changed;
  }

  private static String describe(Path entry) {
    String name = entry.getFileName().toString();
    String what;
    try {
      Optional<String> oddity = EvidenceFile.oddity(entry);
      what = oddity.orElseGet(() -> {
        try {
          return "a file of " + Files.size(entry) + " bytes";
        } catch (IOException e) {
          return "a file";
        }
      });
    } catch (IOException e) {
      what = "an entry";
    }
    if (name.startsWith(".") && name.endsWith(".partial")) {
      return what + ", named like the temporary file of a write Custos did not finish,";
    }
    return what;
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }
}
