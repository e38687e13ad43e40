package dev.custos.image;

import dev.custos.error.UsageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files of an image another tool acquired, found from the file the examiner names: one file, or
 * every segment of a split set in order, to be read one after the other as one image.
 *
 * <p>A split set is recognised by its first segment, {@code NAME.SUFFIX}:
 *
 * <ul>
 *   <li>{@code NAME.001} (or {@code .01}, {@code .0001}): {@code .002, .003, …} zero-padded to the
 *       same width and growing past it, {@code .999, .1000}, as FTK Imager, Guymager and Custos
 *       write, and {@code split -d -a 3 --numeric-suffixes=1};
 *   <li>{@code NAME.000} (or {@code .0000}): {@code .001, .002, …} likewise, as {@code split -d -a 3};
 *   <li>{@code NAME.00}: GNU {@code split -d}, {@code .01 … .89, .9000 … .9899, .990000 …}, or
 *       {@code split -d -a 2}, {@code .01 … .99};
 *   <li>{@code NAME.aa}: GNU {@code split}, {@code .ab … .az, .ba … .yz, .zaaa … .zyzz, .zzaaaa …},
 *       or {@code split -a 2}, {@code .ab … .zz}; {@code NAME.aaa} (and wider): {@code split -a 3}.
 * </ul>
 *
 * Any other name is a single-file image. The set ends at the first absent successor. Where two
 * namings part ({@code .yz} then {@code .za} or {@code .zaaa}), the one whose next file is there is
 * followed; both there is refused as ambiguous.
 *
 * <p>Nothing is silently left out or guessed; each of these is refused with a {@link UsageException}
 * naming the files:
 *
 * <ul>
 *   <li>a gap: a file that the set's naming would place after its end is there although a segment
 *       before it is not ({@code .001 .002 .004}: {@code .003} missing) — reading the set without
 *       the missing segment would hash a different image;
 *   <li>a later segment named instead of the first ({@code image.002}, or {@code image.001} when
 *       {@code image.000} begins the set);
 *   <li>a missing file, or a directory.
 * </ul>
 *
 * <p>Only names are looked at, never contents. Thread safety: stateless.
 */
public final class SplitSet {
  private SplitSet() {}

  /**
   * The files of the image {@code given} names, in reading order: {@code [given]} for a single-file
   * image, or the segments of the split set {@code given} begins, starting with {@code given}. The
   * paths are siblings of {@code given}, in its form (relative stays relative).
   *
   * @throws UsageException if {@code given} is missing or a directory, is a later segment of a split
   *     set, or begins a set that has a gap or forks into two namings; the message names the files
   * @throws IOException if its directory cannot be listed
   */
  public static List<Path> files(Path given) throws IOException, UsageException {
    if (Files.isDirectory(given)) {
      throw new UsageException(
          given + " is a directory: give the image file (for a split image, its first segment)");
    }
    if (!Files.exists(given)) {
      throw new UsageException("image file not found: " + given);
    }
    Path fileName = given.getFileName();
    String name = fileName == null ? "" : fileName.toString();
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || !Files.isRegularFile(given)) {
      return List.of(given);
    }
    String stem = name.substring(0, dot + 1);
    String suffix = name.substring(dot + 1);
    List<String> siblings = siblingSuffixes(given, stem);

    refuseLaterSegment(given, stem, suffix, siblings);
    List<SuffixSequence> namings = SuffixSequence.beginningWith(suffix);
    if (namings.isEmpty()) {
      return List.of(given);
    }
    Walk walk = walk(given, stem, namings, true);
    refuseGap(given, stem, walk, siblings);
    return List.copyOf(walk.files);
  }

  /** The segments found, and the namings that still fit them all. */
  private record Walk(List<Path> files, List<SuffixSequence> namings) {}

  private static Walk walk(Path first, String stem, List<SuffixSequence> namings, boolean strict)
      throws UsageException {
    List<Path> files = new ArrayList<>(List.of(first));
    List<SuffixSequence> fitting = namings;
    for (long index = 1; ; index++) {
      List<SuffixSequence> continuing = new ArrayList<>();
      Set<String> next = new LinkedHashSet<>();
      for (SuffixSequence naming : fitting) {
        String suffix = naming.suffix(index);
        if (suffix != null && Files.isRegularFile(first.resolveSibling(stem + suffix))) {
          continuing.add(naming);
          next.add(stem + suffix);
        }
      }
      if (continuing.isEmpty()) {
        return new Walk(files, fitting);
      }
      if (next.size() > 1) {
        if (strict) {
          throw new UsageException("split image " + first + " continues both as " + String.join(" and ", next)
              + " after " + files.get(files.size() - 1).getFileName() + ": cannot tell which files belong to it");
        }
        return new Walk(files, fitting);
      }
      files.add(first.resolveSibling(next.iterator().next()));
      fitting = continuing;
    }
  }

  private static void refuseLaterSegment(Path given, String stem, String suffix, List<String> siblings)
      throws UsageException {
    for (String other : siblings) {
      List<SuffixSequence> namings = SuffixSequence.beginningWith(other);
      if (other.equals(suffix) || namings.isEmpty()) {
        continue;
      }
      Path first = given.resolveSibling(stem + other);
      List<Path> members = walk(first, stem, namings, false).files;
      int position = members.indexOf(given);
      if (position > 0) {
        throw new UsageException(given + " is segment " + (position + 1) + " of the split image that begins with "
            + first.getFileName() + ": give the first segment, " + first);
      }
    }
  }

  private static void refuseGap(Path given, String stem, Walk walk, List<String> siblings) throws UsageException {
    int count = walk.files.size();
    Set<String> members = new LinkedHashSet<>();
    for (Path file : walk.files) {
      members.add(file.getFileName().toString());
    }
    TreeMap<Long, String> later = new TreeMap<>();
    for (String suffix : siblings) {
      if (members.contains(stem + suffix)) {
        continue;
      }
      for (SuffixSequence naming : walk.namings) {
        long index = naming.indexOf(suffix);
        if (index >= count) {
          later.putIfAbsent(index, stem + suffix);
        }
      }
    }
    if (later.isEmpty()) {
      return;
    }
    Set<String> missing = new LinkedHashSet<>();
    for (SuffixSequence naming : walk.namings) {
      String suffix = naming.suffix(count);
      if (suffix != null) {
        missing.add(stem + suffix);
      }
    }
    throw new UsageException("split image " + given + " has a gap: " + String.join(" or ", missing)
        + " is missing after " + walk.files.get(count - 1).getFileName() + ", yet later segments are there: "
        + String.join(", ", later.values()));
  }

  /** The suffixes of the files named {@code stem + SUFFIX} beside {@code given}, in name order. */
  private static List<String> siblingSuffixes(Path given, String stem) throws IOException {
    Path directory = given.toAbsolutePath().getParent();
    List<String> suffixes = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(stem) && name.length() > stem.length()) {
          suffixes.add(name.substring(stem.length()));
        }
      }
    }
    suffixes.sort(null);
    return suffixes;
  }
}
