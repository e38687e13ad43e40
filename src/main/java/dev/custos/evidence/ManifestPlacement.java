package dev.custos.evidence;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.io.WriteOnce;
import dev.custos.io.EvidenceFile;
import dev.custos.io.ReadLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * How {@code acquisition.json} is put into an evidence directory so that a {@code kill -9}, a power
 * cut or a full disk at any instant leaves a manifest {@code report verify} reads for what it is:
 * its bytes go to its temporary name ({@value #STAGED}: fsync'ed, read-only, the directory
 * fsync'ed); the custody event that ends the acquisition records their SHA-256; only then is {@code
 * acquisition.json} hard-linked to them (never over an existing file) and the temporary name
 * removed. {@code acquisition.json} therefore never exists without the event that records it.
 *
 * <p>Stopped before the event, the temporary file is no evidence (no record names it): verify names
 * the acquisition as stopped before recording its end, and the next write of the manifest replaces
 * it. Stopped after the event, the recorded bytes are under the temporary name: verify checks them
 * there, and {@code acquire resume} or {@code report render} puts them in place ({@link
 * #completeRecorded}). Stateless.
 */
public final class ManifestPlacement {
  /** The temporary name of {@code acquisition.json}. */
  public static final String STAGED = "." + EvidenceDirectory.MANIFEST + ".partial";

  private ManifestPlacement() {}

  /**
   * A manifest on disk under its temporary name.
   *
   * @param file the temporary file
   * @param sha256 the SHA-256 of its bytes, for the event that records it
   */
  public record Staged(Path file, String sha256) {}

  static Staged stage(Path root, byte[] bytes) throws IOException {
    Path staged = WriteOnce.stage(root.resolve(EvidenceDirectory.MANIFEST), bytes);
    return new Staged(staged, Digest.compute(HashAlgorithm.SHA_256, bytes).hex());
  }

  /**
   * Links {@code acquisition.json} to the staged file (never over an existing file) and fsyncs the
   * directory; {@link #removeStaged} then removes the second name.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code acquisition.json} exists
   * @throws IOException if the link cannot be made
   */
  public static void link(Path root) throws IOException {
    Files.createLink(root.resolve(EvidenceDirectory.MANIFEST), root.resolve(STAGED));
    WriteOnce.syncDirectory(root);
  }

  /**
   * Removes the temporary name once {@code acquisition.json} is the same file.
   *
   * @throws IOException if it cannot be removed
   */
  public static void removeStaged(Path root) throws IOException {
    Files.deleteIfExists(root.resolve(STAGED));
    WriteOnce.syncDirectory(root);
  }

  /**
   * Finishes what an acquisition recorded but did not place: when {@code acquisition.json} is
   * missing and its temporary file holds exactly the bytes whose SHA-256 {@code recordedSha256}
   * is (the one the last {@code acquisition-completed} or {@code acquisition-interrupted} event
   * records, when no {@code acquisition-started} or {@code -resumed} came after it), links it into place; when {@code acquisition.json} is
   * there and the temporary name is a second name of it, removes that. Anything else is left as it
   * is, for verify to name. The caller holds the directory's lock.
   *
   * @param recordedSha256 the recorded SHA-256, or null when the log records no manifest of the last run
   * @return whether a manifest was put in place
   * @throws IOException if it cannot be read or linked
   */
  public static boolean completeRecorded(Path root, String recordedSha256) throws IOException {
    Path manifest = root.resolve(EvidenceDirectory.MANIFEST);
    Path staged = root.resolve(STAGED);
    if (!Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isSameFile(manifest, staged)) {
        removeStaged(root);
      }
      return false;
    }
    if (recordedSha256 == null
        || !recordedSha256.equals(Digest.compute(HashAlgorithm.SHA_256, EvidenceFile.read(staged, ReadLimit.MANIFEST)).hex())) {
      return false;
    }
    link(root);
    removeStaged(root);
    return true;
  }
}
