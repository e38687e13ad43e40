package dev.custos.evidence;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.image.ImageLayout;
import dev.custos.io.SourceFileKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An evidence directory: the image, {@code acquisition.json}, {@code custody.jsonl}, {@code
 * report.pdf}, {@code examiner.pem}. Paths inside the manifest are relative to it, so the
 * directory can be copied elsewhere whole. Immutable.
 */
public final class EvidenceDirectory {
  /** The manifest. */
  public static final String MANIFEST = "acquisition.json";
  /** The chain-of-custody log. */
  public static final String CUSTODY_LOG = "custody.jsonl";
  /** The signer's certificate. */
  public static final String CERTIFICATE = "examiner.pem";
  /**
   * Room kept free for the records while the image is written (see {@link #reserveRoom(long)}); not
   * evidence, deleted before the manifest is written.
   */
  public static final String RESERVE = ".custos-reserve";
  /** Where signers other than the one in {@link #CERTIFICATE} leave their certificates. */
  public static final String CERTIFICATES = "certificates";
  /** The empty file whose lock keeps two processes' custody appends apart. */
  public static final String LOCK = ".custody.lock";

  private final Path root;
  private final RecordsReserve reserve;

  private EvidenceDirectory(Path root) {
    this.root = root;
    this.reserve = new RecordsReserve(root);
  }

  /**
   * A directory for a new acquisition: it may exist (empty, or holding unrelated files) but must
   * not hold evidence. Nothing is created yet. A symbolic link is refused as the directory itself
   * and as any file in it Custos would write (see {@link #existing}); a link among its parents is
   * resolved as usual.
   *
   * @throws UsageException if {@code root} is a file or a symbolic link, names a directory the
   *     kernel and its text would place differently, cannot be created where it is, or already
   *     holds evidence (named)
   */
  public static EvidenceDirectory forNewAcquisition(Path root) throws UsageException {
    Path absolute = DirectoryChecks.unambiguous(root, "output");
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException("output " + absolute + " exists and is not a directory");
    }
    Path parent = nearestExisting(absolute);
    if (!Files.isDirectory(parent)) {
      throw new UsageException("output " + absolute + " cannot be created: " + parent + " is not a directory");
    }
    if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      DirectoryChecks.refuseLinkedEntries(absolute);
    }
    List<String> evidence = DirectoryChecks.evidenceFilesIn(absolute);
    if (!evidence.isEmpty()) {
      throw new UsageException("output directory " + absolute + " already holds evidence ("
          + String.join(", ", evidence) + "); Custos never overwrites evidence: choose a new directory");
    }
    return new EvidenceDirectory(absolute);
  }

  /**
   * An existing evidence directory named on the command line, absolute and normalised, after the
   * checks that keep every read and write inside it: it exists, is a directory and not a symbolic
   * link, and no file in it that Custos reads or writes (manifest, custody log and its lock,
   * certificates, reports, image files, set-aside and temporary files) is a symbolic link. Custos
   * follows no link out of an evidence directory: a link would make it check, sign or append to
   * something that is not the evidence. A link among the parents is resolved as usual, but {@code
   * ..} right after a link is refused, since the kernel resolves it from the link's target and the
   * text from the link.
   *
   * @throws UsageException naming the path, or the link and where it points
   */
  public static Path existing(Path directory) throws UsageException {
    Path root = DirectoryChecks.unambiguous(directory, "evidence directory");
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(root + " does not exist");
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(root + " is not a directory");
    }
    DirectoryChecks.refuseLinkedEntries(root);
    return root;
  }

  /** Every name Custos writes or reads in an evidence directory. */
  static boolean isCustosName(String name) {
    return isEvidenceName(name) || name.equals(CERTIFICATES) || name.equals(LOCK) || name.equals(RESERVE)
        || name.equals(".acquisition.lock")
        || name.matches(Pattern.quote(CUSTODY_LOG) + "\\.torn-\\d+") || name.startsWith(".") && name.endsWith(".partial");
  }

  /**
   * Refuses a new acquisition's directory that holds a file named as the reserve: with the
   * directory's lock held, no Custos process is using it, and {@link #reserveRoom} would replace and
   * then delete someone's file.
   *
   * @throws UsageException if there is one
   */
  public void requireNoReserve() throws UsageException {
    reserve.requireAbsent();
  }

  /**
   * The directory of an earlier acquisition, to go on with it: checked as {@link #existing(Path)}.
   *
   * @throws UsageException if it is missing, not a directory, a link, or holds a link named as
   *     evidence
   */
  public static EvidenceDirectory toResume(Path root) throws UsageException {
    Path checked = existing(root);
    DirectoryChecks.refuseMultiplyNamedEntries(checked);
    return new EvidenceDirectory(checked);
  }

  /**
   * Whether {@code name} is a file every evidence directory may hold without a record naming it:
   * the manifest, the custody log and its lock, the signers' certificates, the acquisition's lock
   * and progress record, report PDFs (which {@code report verify} checks against their events).
   * Image files, manifests set aside and torn lines set aside belong only when the manifest or the
   * custody log names them.
   */
  public static boolean isLayoutName(String name) {
    return name.equals(MANIFEST) || name.equals(CUSTODY_LOG) || name.equals(CERTIFICATE) || name.equals(CERTIFICATES)
        || name.equals(LOCK) || name.equals(".acquisition.lock") || name.equals("acquisition-progress.jsonl")
        || name.matches("report(-[0-9]{1,9})?\\.pdf");
  }

  static boolean isEvidenceName(String name) {
    return ImageLayout.isImageFileName(name)
        || name.equals(MANIFEST)
        || name.matches("acquisition-interrupted-\\d+\\.json")
        || dev.custos.source.driveidentity.Transcript.TranscriptFile.NAME.matcher(name).matches()
        || name.equals("acquisition-progress.jsonl")
        || name.equals(CUSTODY_LOG)
        || name.equals(CERTIFICATE)
        || name.matches("report(-\\d+)?\\.pdf");
  }

  /** The directory, absolute. */
  public Path root() {
    return root;
  }

  /**
   * The directory as the file system resolves it, every symbolic link followed: where an examiner
   * finds the evidence, whatever path led to it.
   *
   * @throws EvidenceWriteException if it cannot be resolved (it is gone, or a directory on its path cannot be searched)
   */
  public String realPath() throws EvidenceWriteException {
    try {
      return root.toRealPath().toString();
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot resolve the path of " + root + ": " + e.getMessage(), e);
    }
  }

  /** The nearest directory of {@code root} or its parents that exists, to ask for free space and device. */
  public Path nearestExisting() {
    return nearestExisting(root);
  }

  private static Path nearestExisting(Path root) {
    Path candidate = root;
    while (candidate != null && !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
      candidate = candidate.getParent();
    }
    return candidate == null ? root.getRoot() : candidate;
  }

  /**
   * Creates the directory (and its parents) if needed.
   *
   * @throws EvidenceWriteException if it cannot be created
   */
  public void create() throws EvidenceWriteException {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot create output directory " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Keeps {@code bytes} of the target's space for the records: writes them, incompressible, into
   * {@link #RESERVE} ({@link RecordsReserve}), fsync'ed. {@link #stageManifest} releases the room.
   *
   * @param notSource the source being acquired: a reserve that is the source is neither written nor
   *     removed
   * @throws EvidenceWriteException if the room cannot be kept (the partial reserve is removed)
   * @throws UsageException if the reserve is the source
   */
  public void reserveRoom(long bytes, SourceFileKey notSource) throws EvidenceWriteException, UsageException {
    reserve.keep(bytes, notSource);
  }

  /**
   * Refuses the directory if a file Custos reads or writes in it is the source under another name
   * (hard-linked or renamed into it): checked as soon as the source is known, and before each
   * pass opens the progress record and the image.
   *
   * @throws UsageException naming the file and the source, if one is
   */
  public void requireSourceNotInside(SourceFileKey notSource) throws UsageException {
    DirectoryChecks.refuseTheSource(root, notSource);
  }

  /** Gives back the room kept by {@link #reserveRoom}; does nothing when none is kept. Never fails: the reserve is not evidence. */
  public void releaseRoom() {
    reserve.release();
  }

  /**
   * Writes {@code acquisition.json}'s bytes to its temporary name ({@link ManifestPlacement}):
   * validated against the schema, fsync'ed, read-only. The caller records their SHA-256 and then
   * links them into place ({@link ManifestPlacement#link}). Releases the room kept by {@link
   * #reserveRoom} first.
   *
   * @throws EvidenceWriteException if {@code acquisition.json} exists already or the bytes cannot be
   *     written (the message says which); the temporary file is removed then
   * @throws IllegalStateException if the manifest does not validate: a defect of Custos, not of
   *     the evidence
   */
  public ManifestPlacement.Staged stageManifest(Manifest manifest) throws EvidenceWriteException {
    List<String> violations = EvidenceSchema.MANIFEST.violations(ManifestJson.toTree(manifest));
    if (!violations.isEmpty()) {
      throw new IllegalStateException("the manifest does not validate against " + EvidenceSchema.MANIFEST.resource() + ": " + violations);
    }
    Path target = root.resolve(MANIFEST);
    releaseRoom();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new EvidenceWriteException(target + " already exists; Custos never overwrites evidence");
    }
    try {
      return ManifestPlacement.stage(root, ManifestJson.toBytes(manifest));
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
