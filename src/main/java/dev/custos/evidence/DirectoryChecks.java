package dev.custos.evidence;

import dev.custos.error.UsageException;
import dev.custos.io.EvidenceFile;
import dev.custos.io.NotEvidenceFileException;
import dev.custos.io.SourceFileKey;
import dev.custos.io.SourceWriteRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checks that keep every read and write inside an evidence directory, by {@code lstat} and
 * without opening: a path the kernel and its text would resolve alike, no symbolic link, FIFO,
 * device or socket among the files Custos reads or writes, no second name of a file it may write.
 */
final class DirectoryChecks {
  private DirectoryChecks() {
  }

  /**
   * {@code path} absolute and normalised, if that is the directory the kernel would open too, and not
   * a symbolic link.
   */
  static Path unambiguous(Path path, String role) throws UsageException {
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

  /**
   * Refuses a symbolic link, or a file that is not a regular file, among the names Custos reads or
   * writes in {@code root} and in its {@code certificates/}.
   */
  static void refuseLinkedEntries(Path root) throws UsageException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (EvidenceDirectory.isCustosName(name) && Files.isSymbolicLink(entry)) {
          throw new UsageException(entry + " is a symbolic link (to " + target(entry) + "); Custos reads and writes evidence"
              + " only in the directory itself and follows no link out of it: nothing was read or written");
        }
        if (name.equals(EvidenceDirectory.CERTIFICATES) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          refuseOddEntries(entry);
        } else if (EvidenceDirectory.isCustosName(name)) {
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
    Optional<String> oddity = EvidenceFile.oddity(entry);
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

  /** The names in {@code directory} that are evidence, sorted; none when it is not a directory (yet). */
  static List<String> evidenceFilesIn(Path directory) throws UsageException {
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
   * Refuses a directory to be written in where a file Custos may write, truncate or make
   * read-only (image files, reserve, progress record, manifests, custody log, locks, reports,
   * temporary files) has a second name: a hard link may lie outside the directory, and writing
   * or changing the mode of one name changes the file under every name.
   */
  static void refuseMultiplyNamedEntries(Path root) throws UsageException {
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (EvidenceDirectory.isCustosName(name) && !name.equals(EvidenceDirectory.CERTIFICATES) && !isPlacementPair(root, name)) {
          EvidenceFile.requireSingleName(entry);
        }
      }
    } catch (NotEvidenceFileException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UsageException("cannot read directory " + root + ": " + e.getMessage(), e);
    }
  }

  /** Refuses {@code root} if one of the files Custos reads or writes in it is the source ({@link SourceFileKey}). */
  static void refuseTheSource(Path root, SourceFileKey notSource) throws UsageException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return; // not created yet: nothing in it
    }
    try (Stream<Path> entries = Files.list(root)) {
      for (Path entry : entries.sorted().toList()) {
        if (EvidenceDirectory.isCustosName(entry.getFileName().toString())) {
          notSource.requireNot(entry);
        }
      }
    } catch (SourceWriteRefusedException e) {
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
    Object key = Files.readAttributes(first, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    Object otherKey = Files.readAttributes(second, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    return key != null && key.equals(otherKey)
        && ((Number) Files.getAttribute(first, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue() == 2;
  }}
