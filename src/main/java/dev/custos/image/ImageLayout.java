package dev.custos.image;

import java.util.List;
import java.util.Locale;
import dev.custos.image.e01.E01Compression;
import dev.custos.image.e01.E01Settings;
import dev.custos.image.e01.SegmentNames;
import dev.custos.io.WholeUnits;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the bytes of an image go: one raw file {@code image.EXT}; raw segments {@code image.001,
 * image.002, …} of a fixed size (the last one shorter); or an EnCase 6 E01 set {@code image.E01,
 * image.E02, …} of compressed chunks, each segment at most a given size. Immutable.
 */
public final class ImageLayout {
  /** The base name of every image file Custos writes. */
  public static final String BASE_NAME = "image";

  /** Extensions accepted for a single-file raw image. */
  public static final List<String> RAW_EXTENSIONS = List.of("ima", "dd", "img", "raw");

  private static final Pattern SEGMENT_NAME = Pattern.compile(Pattern.quote(BASE_NAME) + "\\.\\d{3,}");
  /** EnCase's segment names: E01 … E99, then EAA … EZZ, FAA … ZZZ. */
  private static final Pattern E01_NAME = Pattern.compile(Pattern.quote(BASE_NAME) + "\\.(E(0[1-9]|[1-9][0-9])|[E-Z][A-Z]{2})");

  private final String extension;
  private final long segmentSize;
  /** The E01 compression; {@code null} for a raw image. */
  private final E01Compression compression;

  private ImageLayout(String extension, long segmentSize, E01Compression compression) {
    this.extension = extension;
    this.segmentSize = segmentSize;
    this.compression = compression;
  }

  /**
   * One file, {@code image.EXT}.
   *
   * @throws IllegalArgumentException if the extension is not one of {@link #RAW_EXTENSIONS}
   */
  public static ImageLayout raw(String extension) {
    String ext = Objects.requireNonNull(extension, "extension").toLowerCase(Locale.ROOT);
    if (!RAW_EXTENSIONS.contains(ext)) {
      throw new IllegalArgumentException(
          "image extension must be one of " + String.join(", ", RAW_EXTENSIONS) + ", got '" + extension + "'");
    }
    return new ImageLayout(ext, 0, null);
  }

  /**
   * Segments of {@code segmentSize} bytes: {@code image.001, image.002, …}.
   *
   * @throws IllegalArgumentException if the size is not a positive multiple of {@code sectorSize}
   */
  public static ImageLayout split(long segmentSize, int sectorSize) {
    if (!WholeUnits.fits(segmentSize, sectorSize)) {
      throw new IllegalArgumentException(
          WholeUnits.refusal("segment size", segmentSize, sectorSize, sectorSize + "-byte sectors", Long.MAX_VALUE));
    }
    return new ImageLayout(null, segmentSize, null);
  }

  /**
   * An EnCase 6 E01 set whose segment files hold at most {@code segmentSize} bytes each.
   *
   * @throws IllegalArgumentException if the segment size is not one an E01 segment may have
   */
  public static ImageLayout e01(long segmentSize, E01Compression compression) {
    Objects.requireNonNull(compression, "compression");
    new E01Settings(BASE_NAME, segmentSize, compression, 1); // refuses a size an E01 segment cannot have
    return new ImageLayout(null, segmentSize, compression);
  }

  /** Whether the image is raw segments {@code image.001, image.002, …}. */
  public boolean isSplit() {
    return segmentSize > 0 && compression == null;
  }

  /** Whether the image is an E01 set. */
  public boolean isE01() {
    return compression != null;
  }

  /** The E01 compression; empty for a raw image. */
  public Optional<E01Compression> compression() {
    return Optional.ofNullable(compression);
  }

  /** Bytes per segment (for an E01 set, the most a segment file holds); 0 for a single raw file. */
  public long segmentSize() {
    return segmentSize;
  }

  /** {@code raw}, {@code split} or {@code e01}, as the manifest records it. */
  public String formatName() {
    return isE01() ? "e01" : isSplit() ? "split" : "raw";
  }

  /** The file extension of a single-file image, or {@code null} when split. */
  public String extension() {
    return extension;
  }

  /** Name of file number {@code index} (0-based): {@code image.ima}, or {@code image.001} for index 0. */
  public String fileName(int index) {
    if (isE01()) {
      return BASE_NAME + "." + SegmentNames.extension(index + 1);
    }
    if (!isSplit()) {
      if (index != 0) {
        throw new IllegalArgumentException("a single-file image has no file " + index);
      }
      return BASE_NAME + "." + extension;
    }
    return String.format(Locale.ROOT, "%s.%03d", BASE_NAME, index + 1);
  }

  /** Whether {@code name} is one Custos could have written as an image file, whatever the layout. */
  public static boolean isImageFileName(String name) {
    for (String ext : RAW_EXTENSIONS) {
      if (name.equals(BASE_NAME + "." + ext)) {
        return true;
      }
    }
    return SEGMENT_NAME.matcher(name).matches() || E01_NAME.matcher(name).matches();
  }
}
