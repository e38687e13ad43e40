package dev.custos.evidence;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.image.ImageLayout;
import dev.custos.io.WriteOnce;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  private EvidenceDirectory(Path root) {
    this.root = root;
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
    Path absolute = unambiguous(root, "output");
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException("output " + absolute + " exists and is not a directory");
    }
    Path parent = nearestExisting(absolute);
    if (!Files.isDirectory(parent)) {
      throw new UsageException("output " + absolute + " cannot be created: " + parent + " is not a directory");
    }
    if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      refuseLinkedEntries(absolute);
    }
    List<String> evidence = evidenceFilesIn(absolute);
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
    Path root = unambiguous(directory, "evidence directory");
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(root + " does not exist");
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException(root + " is not a directory");
    }
    refuseLinkedEntries(root);
    return root;
  }

  /**
   * {@code path} absolute and normalised, if that is the directory the kernel would open too, and not
   * a symbolic link.
   */
  private static Path unambiguous(Path path, String role) throws UsageException {
    Path absolute = path.toAbsolutePath();
    Path prefix = absolute.getRoot();
    for (Path name : absolute) {
      if (name.toString().equals("..") && Files.isSymbolicLink(prefix)) {
        throw new UsageException(role + " " + path + ": '..' after the symbolic link " + prefix + " (to " + target(prefix)
            + ") means one directory to the kernel and another as written; give the path without '..'");
      }
      prefix = prefix.resolve(name).normalize();
    }
    Path normal = absolute.normalize();
    if (Files.isSymbolicLink(normal)) {
      throw new UsageException(role + " " + normal + " is a symbolic link (to " + target(normal) + "); Custos follows no"
          + " link to or out of an evidence directory: give the directory itself");
    }
    return normal;
  }

  private static void refuseLinkedEntries(Path root) throws UsageException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (isCustosName(name) && Files.isSymbolicLink(entry)) {
          throw new UsageException(entry + " is a symbolic link (to " + target(entry) + "); Custos reads and writes evidence"
              + " only in the directory itself and follows no link out of it: nothing was read or written");
        }
        if (name.equals(CERTIFICATES) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          refuseOddEntries(entry);
        } else if (isCustosName(name)) {
          refuseOdd(entry);
        }
      }
    } catch (IOException e) {
      throw new UsageException("cannot read directory " + root + ": " + e.getMessage(), e);
    }
  }

  /** Refuses every entry of {@code certificates/} that is not a regular file. */
  private static void refuseOddEntries(Path directory) throws UsageException, IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.sorted().toList()) {
        if (Files.isSymbolicLink(entry)) {
          throw new UsageException(entry + " is a symbolic link (to " + target(entry) + "); Custos reads and writes evidence"
              + " only in the directory itself and follows no link out of it: nothing was read or written");
        }
        refuseOdd(entry);
      }
    }
  }

  /**
   * Refuses a file Custos would read or write that is not a regular file: a FIFO would block the
   * open, a device never end the read, a socket or directory not be a record at all. Checked by
   * {@code lstat}, without opening; {@link EvidenceFile} checks again when a file is read.
   */
  private static void refuseOdd(Path entry) throws UsageException, IOException {
    java.util.Optional<String> oddity = EvidenceFile.oddity(entry);
    if (oddity.isPresent()) {
      throw new UsageException(entry + " is " + oddity.get() + ", not a regular file; Custos reads and writes evidence only"
          + " as regular files: nothing was read or written");
    }
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  /** Every name Custos writes or reads in an evidence directory. */
  static boolean isCustosName(String name) {
    return isEvidenceName(name) || name.equals(CERTIFICATES) || name.equals(LOCK) || name.equals(RESERVE)
        || name.equals(".acquisition.lock")
        || name.matches(Pattern.quote(CUSTODY_LOG) + "\\.torn-\\d+") || name.startsWith(".") && name.endsWith(".partial");
  }

  private static List<String> evidenceFilesIn(Path directory) throws UsageException {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.map(path -> path.getFileName().toString())
          .filter(EvidenceDirectory::isEvidenceName)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UsageException("cannot read output directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a new acquisition's directory that holds a file named as the reserve: with the
   * directory's lock held, no Custos process is using it, and {@link #reserveRoom} would replace and
   * then delete someone's file.
   *
   * @throws UsageException if there is one
   */
  public void requireNoReserve() throws UsageException {
    if (Files.exists(root.resolve(RESERVE), LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException("output directory " + root + " holds a file named " + RESERVE
          + ", which Custos would replace and delete: choose a new directory");
    }
  }

  /**
   * The directory of an earlier acquisition, to go on with it: checked as {@link #existing(Path)}.
   *
   * @throws UsageException if it is missing, not a directory, a link, or holds a link named as
   *     evidence
   */
  public static EvidenceDirectory toResume(Path root) throws UsageException {
    Path checked = existing(root);
    refuseMultiplyNamedEntries(checked);
    return new EvidenceDirectory(checked);
  }

  /**
   * Refuses a directory to be written in where a file Custos may write, truncate or make
   * read-only (image files, reserve, progress record, manifests, custody log, locks, reports,
   * temporary files) has a second name: a hard link may lie outside the directory, and writing
   * or changing the mode of one name changes the file under every name.
   */
  private static void refuseMultiplyNamedEntries(Path root) throws UsageException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (isCustosName(name) && !name.equals(CERTIFICATES) && !isPlacementPair(root, name)) {
          EvidenceFile.requireSingleName(entry);
        }
      }
    } catch (NotEvidenceFileException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UsageException("cannot read directory " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code name} and its placement counterpart in {@code root} ({@code X} and {@code
   * .X.partial}) are the file's only two names: what a write stopped between linking a staged file
   * into place and removing its temporary name leaves. Both names are inside the directory, and the
   * next command removes the temporary one.
   */
  private static boolean isPlacementPair(Path root, String name) throws IOException {
    String other = name.startsWith(".") && name.endsWith(".partial")
        ? name.substring(1, name.length() - ".partial".length())
        : "." + name + ".partial";
    Path first = root.resolve(name);
    Path second = root.resolve(other);
    if (!Files.isRegularFile(first, LinkOption.NOFOLLOW_LINKS) || !Files.isRegularFile(second, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Object key = Files.readAttributes(first, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    Object otherKey = Files.readAttributes(second, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    return key != null && key.equals(otherKey)
        && ((Number) Files.getAttribute(first, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() == 2;
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
        || name.equals("acquisition-progress.jsonl")
        || name.equals(CUSTODY_LOG)
        || name.equals(CERTIFICATE)
        || name.matches("report(-\\d+)?\\.pdf");
  }

  /** The directory, absolute. */
  public Path root() {
    return root;
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
   * {@link #RESERVE}. When another writer fills the disk while the image is being written, the image
   * write fails, and {@link #writeManifest} (which first releases the room) and the custody events
   * after it still find space: a full disk costs the rest of the image, never the record of what
   * was acquired.
   *
   * @throws EvidenceWriteException if the room cannot be kept (the partial reserve is removed)
   */
  public void reserveRoom(long bytes) throws EvidenceWriteException {
    Path reserve = root.resolve(RESERVE);
    byte[] chunk = new byte[1 << 20];
    new Random(bytes).nextBytes(chunk); // not zeros: a compressing file system would keep no room
    try (FileChannel channel = openReserve(reserve)) {
      for (long written = 0; written < bytes; ) {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, bytes - written));
        while (buffer.hasRemaining()) {
          written += channel.write(buffer);
        }
      }
      channel.force(true);
    } catch (IOException e) {
      releaseRoom();
      throw new EvidenceWriteException("cannot keep " + bytes + " bytes for the manifest and custody log in " + root + ": "
          + e.getMessage(), e);
    }
  }

  /** The reserve, created anew, or an earlier run's (one name, a regular file) cut to nothing: never a hard link. */
  private static FileChannel openReserve(Path reserve) throws IOException {
    try {
      return FileChannel.open(reserve, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      return EvidenceFile.openToWrite(reserve, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
  }

  /** Gives back the room kept by {@link #reserveRoom}; does nothing when none is kept. Never fails: the reserve is not evidence. */
  public void releaseRoom() {
    try {
      Files.deleteIfExists(root.resolve(RESERVE));
    } catch (IOException e) {
      // Left behind, it costs space, not evidence; the next write will say if space is short.
    }
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
