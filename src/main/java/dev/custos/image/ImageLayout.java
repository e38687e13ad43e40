package dev.custos.image;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the bytes of a raw image go: one file {@code image.EXT}, or segments {@code image.001,
 * image.002, …} of a fixed size (the last one shorter). Immutable.
 */
public final class ImageLayout {
  /** The base name of every image file Custos writes. */
  public static final String BASE_NAME = "image";

  /** Extensions accepted for a single-file raw image. */
  public static final List<String> RAW_EXTENSIONS = List.of("ima", "dd", "img", "raw");

  private static final Pattern SEGMENT_NAME = Pattern.compile(Pattern.quote(BASE_NAME) + "\\.\\d{3,}");

  private final String extension;
  private final long segmentSize;

  private ImageLayout(String extension, long segmentSize) {
    this.extension = extension;
    this.segmentSize = segmentSize;
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
    return new ImageLayout(ext, 0);
  }

  /**
   * Segments of {@code segmentSize} bytes: {@code image.001, image.002, …}.
   *
   * @throws IllegalArgumentException if the size is not a positive multiple of {@code sectorSize}
   */
  public static ImageLayout split(long segmentSize, int sectorSize) {
    if (segmentSize <= 0 || segmentSize % sectorSize != 0) {
      throw new IllegalArgumentException(
          "segment size must be a positive multiple of the sector size (" + sectorSize + " bytes), got "
              + segmentSize);
    }
    return new ImageLayout(null, segmentSize);
  }

  public boolean isSplit() {
    return segmentSize > 0;
  }

  /** Bytes per segment; 0 for a single file. */
  public long segmentSize() {
    return segmentSize;
  }

  /** {@code raw} or {@code split}, as the manifest records it. */
  public String formatName() {
    return isSplit() ? "split" : "raw";
  }

  /** The file extension of a single-file image, or {@code null} when split. */
  public String extension() {
    return extension;
  }

  /** Name of file number {@code index} (0-based): {@code image.ima}, or {@code image.001} for index 0. */
  public String fileName(int index) {
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
    return SEGMENT_NAME.matcher(name).matches();
  }
}
