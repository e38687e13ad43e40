package dev.custos.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A path on the command line, taken as the file it names or refused with one line. The JVM turns
 * each argument's bytes into text with the file-name encoding of the locale ({@code
 * sun.jnu.encoding}) and back into bytes when it opens the file, so a name that encoding cannot
 * decode cannot be named at all: under UTF-8 its undecodable bytes become U+FFFD, which names
 * another file (and would create one elsewhere than asked); under an ASCII locale ({@code LANG=C})
 * any non-ASCII name fails. Custos refuses both and says why, rather than reading or writing
 * another file than the examiner named.
 */
final class PathArgument implements ITypeConverter<Path> {
  private static final char UNDECODABLE = '\uFFFD';

  @Override
  public Path convert(String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' cannot be a file name in this locale: the JVM reads file names as "
          + encoding() + "; run Custos in a UTF-8 locale (e.g. LANG=C.UTF-8)");
    }
    if (value.indexOf(UNDECODABLE) >= 0 && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new TypeConversionException("'" + value + "' holds bytes that are not " + encoding() + " (shown as \uFFFD), and the"
          + " JVM cannot name such a file: give a name without them (rename it, or link to it under another name)");
    }
    return path;
  }

  private static String encoding() {
    return System.getProperty("sun.jnu.encoding", "the locale's encoding");
  }
}
