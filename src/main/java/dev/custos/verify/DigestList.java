package dev.custos.verify;

import dev.custos.digest.Digest;
import dev.custos.digest.HashAlgorithm;
import dev.custos.error.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digests a checksum list holds, as {@code md5sum}, {@code sha1sum}, {@code sha256sum} and
 * {@code sha512sum} write it, for {@code report verify IMAGE --hashes FILE}. Immutable.
 *
 * <p>Lines read:
 *
 * <ul>
 *   <li>GNU: {@code HEX  NAME} (text mode), {@code HEX *NAME} (binary mode), also {@code HEX NAME}
 *       (BSD {@code md5 -r}); the algorithm by the length of the hex: 32 MD5, 40 SHA-1, 64 SHA-256,
 *       128 SHA-512;
 *   <li>BSD and GNU {@code --tag}: {@code MD5 (NAME) = HEX}, {@code SHA1 …}, {@code SHA256 …},
 *       {@code SHA512 …} (and OpenSSL's {@code SHA2-256(NAME)= HEX});
 *   <li>either form behind a {@code \}, GNU's mark for a name with {@code \\}, {@code \n} or
 *       {@code \r} escapes; with {@code --zero}, NUL-ended lines with the name as it is.
 * </ul>
 *
 * Hex may be upper or lower case. White space before a line and after a tagged digest, blank
 * lines, lines starting with {@code #} (which {@code md5sum -c} skips too), a byte-order mark and
 * Windows line ends are ignored. Anything else is refused with the line number: a list that is
 * half understood is not a list to verify evidence against.
 */
public final class DigestList {
  /** Larger than any checksum list, smaller than any image given by mistake. */
  static final long MAX_BYTES = 16L << 20;

  private static final Pattern TAGGED = Pattern.compile("([A-Za-z][A-Za-z0-9/-]*) ?\\((.*)\\) ?= ?(\\S*)[ \t]*", Pattern.DOTALL);
  private static final Pattern PLAIN = Pattern.compile("([^ ]+) [ *]?(.*)", Pattern.DOTALL);
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final int NAMES_SHOWN = 5;

  /** One digest line: its number (from 1), the digest and the name it is for ({@code -} for stdin). */
  record Entry(int line, Digest digest, String name) {}

  private final String source;
  private final List<Entry> entries;

  private DigestList(String source, List<Entry> entries) {
    this.source = source;
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads the list in {@code text}; messages name lines as {@code line N}.
   *
   * @throws UsageException on the first line that is not a digest line of a supported algorithm,
   *     naming the line; or when there is no digest line at all
   */
  public static DigestList parse(String text) throws UsageException {
    return parse(null, text);
  }

  /**
   * Reads the list in {@code file} (UTF-8); messages name the file and line.
   *
   * @throws UsageException if the file is missing, a directory, too large to be a checksum list,
   *     or not a list (see {@link #parse(String)})
   * @throws IOException if reading fails
   */
  public static DigestList read(Path file) throws IOException, UsageException {
    if (Files.isDirectory(file)) {
      throw new UsageException("digest list " + file + " is a directory");
    }
    if (!Files.exists(file)) {
      throw new UsageException("digest list not found: " + file);
    }
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new UsageException("digest list " + file + " is " + size + " bytes: too large for a checksum list");
    }
    return parse(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  private static DigestList parse(String source, String text) throws UsageException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    boolean zero = body.indexOf('\0') >= 0;
    String[] lines = body.split(zero ? "\0" : "\n", -1);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = !zero && lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      entries.add(entry(source, i + 1, line, !zero));
    }
    if (entries.isEmpty()) {
      throw new UsageException((source == null ? "the digest list" : source) + " holds no digest line");
    }
    return new DigestList(source, entries);
  }

  private static Entry entry(String source, int number, String line, boolean escapes) throws UsageException {
    String at = where(source) + "line " + number + ": ";
    // md5sum -c skips white space before the digest too; white space after it is part of the name.
    String trimmed = line.replaceFirst("^[ \t]+", "");
    boolean escaped = escapes && trimmed.startsWith("\\");
    String body = escaped ? trimmed.substring(1) : trimmed;
    Matcher tagged = TAGGED.matcher(body);
    if (tagged.matches()) {
      HashAlgorithm algorithm = algorithmOfTag(at, tagged.group(1));
      String hex = tagged.group(3);
      if (!HEX.matcher(hex).matches() || hex.length() != 2 * algorithm.digestLength()) {
        throw new UsageException(at + algorithm.displayName() + " digest must be " + 2 * algorithm.digestLength()
            + " hex digits, got '" + hex + "'");
      }
      return new Entry(number, Digest.fromHex(algorithm, hex), name(at, tagged.group(2), escaped));
    }
    Matcher plain = PLAIN.matcher(body);
    if (plain.matches() && !plain.group(2).isEmpty()) {
      String hex = plain.group(1);
      HashAlgorithm algorithm = algorithmOfLength(hex.length());
      if (HEX.matcher(hex).matches()) {
        if (algorithm == null) {
          throw new UsageException(at + "a digest of " + hex.length()
              + " hex digits is none Custos verifies (MD5 32, SHA-1 40, SHA-256 64, SHA-512 128)");
        }
        return new Entry(number, Digest.fromHex(algorithm, hex), name(at, plain.group(2), escaped));
      }
      if (algorithm != null) {
        throw new UsageException(at + "'" + hex + "' is not hex");
      }
    }
    throw new UsageException(at + "not a digest line: expected 'HEX  NAME' (as md5sum, sha256sum … print it) or "
        + "'SHA256 (NAME) = HEX' (as with --tag)");
  }

  private static HashAlgorithm algorithmOfTag(String at, String tag) throws UsageException {
    String id = tag.toLowerCase(Locale.ROOT).replace("-", "");
    if (id.startsWith("sha2") && id.length() == 7) {
      id = "sha" + id.substring(4);
    }
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      if (algorithm.id().equals(id)) {
        return algorithm;
      }
    }
    throw new UsageException(at + tag + " digests are none Custos verifies (" + HashAlgorithm.idList() + ")");
  }

  private static HashAlgorithm algorithmOfLength(int hexDigits) {
    for (HashAlgorithm algorithm : HashAlgorithm.values()) {
      if (2 * algorithm.digestLength() == hexDigits) {
        return algorithm;
      }
    }
    return null;
  }

  /** The name as the tool was given it: GNU's escapes undone on a line that starts with a backslash. */
  private static String name(String at, String written, boolean escaped) throws UsageException {
    if (!escaped) {
      return written;
    }
    StringBuilder name = new StringBuilder(written.length());
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c != '\\') {
        name.append(c);
        continue;
      }
      char next = i + 1 < written.length() ? written.charAt(i + 1) : ' ';
      switch (next) {
        case '\\' -> name.append('\\');
        case 'n' -> name.append('\n');
        case 'r' -> name.append('\r');
        default -> throw new UsageException(at + "a name escaped with a leading backslash has '\\"
            + (i + 1 < written.length() ? String.valueOf(next) : "") + "', not \\\\, \\n or \\r");
      }
      i++;
    }
    return name.toString();
  }

  /** The names the list holds digests for, in the order they first appear ({@code -} for stdin). */
  public List<String> names() {
    Set<String> names = new LinkedHashSet<>();
    entries.forEach(entry -> names.add(entry.name()));
    return List.copyOf(names);
  }

  /**
   * The digests this list gives for the image made of {@code imageFiles} (one file, or the
   * segments of a split image in order), at most one per algorithm, in {@link HashAlgorithm} order.
   *
   * <p>A line is for the image when its name is {@code -} (what {@code md5sum < image} or {@code cat
   * image.0* | md5sum} write), or, for a single-file image, the image file's name, as given or as
   * the last part of a path (a list made on the acquisition machine names {@code
   * /mnt/case/disk.dd}). When no line is, and the list names just one thing, its lines are taken
   * as the image's: a list made for this image under another name.
   *
   * @throws UsageException if the list holds digests of the segments of a split image (not
   *     supported yet: the segments are named), if no line is for the image (the names it holds are
   *     listed), or if two lines give different digests of one algorithm for it (the lines are named)
   */
  public List<Digest> expectedFor(List<Path> imageFiles) throws UsageException {
    if (imageFiles.isEmpty()) {
      throw new IllegalArgumentException("an image has at least one file");
    }
    String image = printable(imageFiles.size() == 1
        ? imageFiles.get(0).toString()
        : imageFiles.get(0) + " … " + imageFiles.get(imageFiles.size() - 1).getFileName());
    List<Entry> whole = new ArrayList<>();
    Set<String> segments = new LinkedHashSet<>();
    for (Entry entry : entries) {
      boolean named = imageFiles.stream().anyMatch(file -> names(entry.name(), file));
      if (entry.name().equals("-") || (named && imageFiles.size() == 1)) {
        whole.add(entry);
      } else if (named) {
        segments.add(entry.name());
      }
    }
    if (!segments.isEmpty()) {
      throw new UsageException(where() + " holds per-segment digests (" + shortList(List.copyOf(segments))
          + "); checking segments one by one is not supported yet: give the digest of the whole image, "
          + "as 'cat SEGMENTS | sha256sum' prints it");
    }
    if (whole.isEmpty() && names().size() == 1) {
      whole.addAll(entries);
    }
    if (whole.isEmpty()) {
      throw new UsageException(where() + " holds no digest for " + image + " (nor for '-'); it names "
          + shortList(names()));
    }
    Map<HashAlgorithm, Entry> chosen = new EnumMap<>(HashAlgorithm.class);
    for (Entry entry : whole) {
      Entry earlier = chosen.putIfAbsent(entry.digest().algorithm(), entry);
      if (earlier != null && !earlier.digest().equals(entry.digest())) {
        throw new UsageException(where() + ", lines " + earlier.line() + " and " + entry.line() + ": different "
            + entry.digest().algorithm().displayName() + " digests for " + image);
      }
    }
    return chosen.values().stream().map(Entry::digest).toList();
  }

  /** Whether a list line naming {@code name} names {@code file}. */
  private static boolean names(String name, Path file) {
    Path fileName = file.getFileName();
    String last = name.substring(name.lastIndexOf('/') + 1);
    return name.equals(file.toString()) || (fileName != null && last.equals(fileName.toString()));
  }

  private static String shortList(List<String> names) {
    List<String> shown = names.stream().limit(NAMES_SHOWN).map(DigestList::printable).toList();
    String list = String.join(", ", shown);
    return names.size() > NAMES_SHOWN ? list + ", … (" + names.size() + " names)" : list;
  }

  /** A name on one line: line breaks shown as md5sum escapes them. */
  private static String printable(String name) {
    return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private String where() {
    return source == null ? "the digest list" : source;
  }

  private static String where(String source) {
    return source == null ? "" : source + ", ";
  }
}
