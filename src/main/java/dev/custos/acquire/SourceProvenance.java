package dev.custos.acquire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.digest.Digest;
import dev.custos.digest.DigestConsumer;
import dev.custos.digest.HashAlgorithm;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ManifestReader;
import dev.custos.evidence.RecordedManifest;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A source that is the image of another Custos acquisition: acquiring it (to E01, say) is a
 * conversion, worth only as much as the proof that the image is the one that acquisition
 * recorded. So the evidence directory it belongs to, its manifest's SHA-256 and the digests it
 * records go into the new custody log and manifest, every recorded algorithm is computed again,
 * and the acquisition fails unless each digest equals the recorded one.
 */
final class SourceProvenance {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SourceProvenance() {}

  /**
   * The source to read for {@code given}: an evidence directory stands for its image, which must be
   * one raw file; anything else is read as it is.
   *
   * @throws UsageException if {@code given} is an evidence directory whose image is not one raw
   *     file, or whose manifest cannot be read
   */
  static Path sourceFor(Path given) throws UsageException {
    if (!Files.isDirectory(given, LinkOption.NOFOLLOW_LINKS)
        || !Files.isRegularFile(given.resolve(EvidenceDirectory.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      return given;
    }
    RecordedManifest manifest = read(given).manifest();
    List<RecordedManifest.File> files = manifest.image().files();
    if (!"raw".equals(manifest.image().format()) || files.size() != 1) {
      throw new UsageException(given + " holds a " + manifest.image().format() + " image of " + files.size() + " files; Custos"
          + " converts an evidence directory's image when it is one raw file: give that file, or verify the set there");
    }
    return given.resolve(files.get(0).path());
  }

  /**
   * The provenance of {@code source} when it is the image file an evidence directory's manifest
   * lists; empty when its directory holds no manifest.
   *
   * @throws UsageException if the directory's manifest cannot be read, or does not list the file as its image
   */
  static Optional<Manifest.Provenance> of(Path source) throws UsageException {
    Path directory = source.toAbsolutePath().getParent();
    if (directory == null || !Files.isRegularFile(directory.resolve(EvidenceDirectory.MANIFEST), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Read read = read(directory);
    String name = String.valueOf(source.getFileName());
    if (read.manifest().image().files().stream().noneMatch(file -> file.path().equals(name))) {
      throw new UsageException(source + " lies in the evidence directory " + directory + ", whose " + EvidenceDirectory.MANIFEST
          + " does not list it as its image: refusing to acquire it without knowing what it is");
    }
    return Optional.of(new Manifest.Provenance(directory.toString(), name, read.sha256(),
        read.manifest().outcome().status().name().toLowerCase(java.util.Locale.ROOT), read.manifest().digests(), Optional.empty()));
  }

  /** {@code algorithms}, then every algorithm {@code provenance} records that is not among them. */
  static List<HashAlgorithm> withRecorded(List<HashAlgorithm> algorithms, Optional<Manifest.Provenance> provenance) {
    Set<HashAlgorithm> all = new LinkedHashSet<>(algorithms);
    provenance.ifPresent(known -> known.recorded().forEach(digest -> all.add(digest.algorithm())));
    return List.copyOf(all);
  }

  /**
   * Compares the digests computed with the ones {@code provenance} records.
   *
   * @return the provenance with the outcome, and, when a digest differs, why: the image changed
   *     since that acquisition, and its conversion is not of the image it recorded
   */
  static Compared compare(Manifest.Provenance provenance, List<DigestConsumer> digests) {
    if (provenance.recorded().isEmpty()) {
      return new Compared(provenance, Optional.empty());
    }
    List<String> differ = new ArrayList<>();
    for (Digest recorded : provenance.recorded()) {
      digests.stream().map(DigestConsumer::result).filter(now -> now.algorithm() == recorded.algorithm()).findFirst()
          .filter(now -> !now.equals(recorded))
          .ifPresent(now -> differ.add(recorded.algorithm().displayName() + " is " + now.hex() + ", recorded " + recorded.hex()));
    }
    if (differ.isEmpty()) {
      return new Compared(provenance.compared(true), Optional.empty());
    }
    return new Compared(provenance.compared(false), Optional.of("the image " + provenance.imageFile() + " is not the one "
        + Path.of(provenance.directory()).resolve(EvidenceDirectory.MANIFEST) + " records: " + String.join("; ", differ)
        + "; it changed since that acquisition"));
  }

  /**
   * A comparison's outcome.
   *
   * @param provenance with {@code digestsEqual} set
   * @param mismatch why the conversion fails; empty when every digest is equal
   */
  record Compared(Manifest.Provenance provenance, Optional<String> mismatch) {}

  private record Read(RecordedManifest manifest, String sha256) {}

  private static Read read(Path directory) throws UsageException {
    Path file = directory.resolve(EvidenceDirectory.MANIFEST);
    try {
      byte[] bytes = EvidenceFile.read(file, ReadLimit.MANIFEST);
      JsonNode tree = JSON.readTree(bytes);
      List<String> violations = EvidenceSchema.MANIFEST.violations(tree);
      if (!violations.isEmpty()) {
        throw new UsageException(file + " is not a valid manifest (" + violations.get(0) + "): refusing to acquire its image"
            + " without its provenance");
      }
      return new Read(ManifestReader.read(tree), Digest.compute(HashAlgorithm.SHA_256, bytes).hex());
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage() + "; refusing to acquire its image without its"
          + " provenance", e);
    }
  }
}
