package dev.custos.verify;

import dev.custos.image.ImageFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Where bytes of an image lie: in the image, on the source (LBAs), and in which files at which
 * offsets. Immutable.
 */
public final class ImageMap {
  /**
   * A run of bytes of the image, every bound inclusive, as examiners and {@code dd} count.
   *
   * @param firstByte first byte in the image
   * @param lastByte last byte in the image
   * @param firstLba the sector holding the first byte
   * @param lastLba the sector holding the last byte
   * @param files the files the run lies in, with the offsets within each
   */
  public record Span(long firstByte, long lastByte, long firstLba, long lastLba, List<FileSpan> files) {
    public Span {
      files = List.copyOf(files);
    }
  }

  /**
   * The part of a run inside one file.
   *
   * @param file the file's name
   * @param firstByte first byte within the file
   * @param lastByte last byte within the file
   */
  public record FileSpan(String file, long firstByte, long lastByte) {}

  private final List<ImageFile> files;
  private final int sectorSize;
  private final boolean split;

  /**
   * @param files the image files in order, with their recorded sizes
   * @param sectorSize bytes per sector of the source
   */
  ImageMap(List<ImageFile> files, int sectorSize) {
    this.files = List.copyOf(files);
    this.sectorSize = sectorSize;
    this.split = files.size() > 1;
  }

  /** The run of bytes {@code [start, end)}, {@code end > start}. */
  Span span(long start, long end) {
    List<FileSpan> spans = new ArrayList<>();
    long fileStart = 0;
    for (ImageFile file : files) {
      long fileEnd = fileStart + file.sizeBytes();
      if (fileEnd > start && fileStart < end) {
        spans.add(new FileSpan(file.name(), Math.max(start, fileStart) - fileStart, Math.min(end, fileEnd) - 1 - fileStart));
      }
      fileStart = fileEnd;
    }
    return new Span(start, end - 1, start / sectorSize, (end - 1) / sectorSize, spans);
  }

  /** {@code bytes 0–511, LBA 0–0}, and for a split image {@code , image.002 bytes 0–511}. */
  String describe(Span span) {
    StringBuilder text = new StringBuilder()
        .append("bytes ").append(span.firstByte()).append('–').append(span.lastByte())
        .append(", LBA ").append(span.firstLba()).append('–').append(span.lastLba());
    if (split) {
      for (FileSpan file : span.files()) {
        text.append(", ").append(file.file()).append(" bytes ").append(file.firstByte()).append('–').append(file.lastByte());
      }
    }
    return text.toString();
  }
}
