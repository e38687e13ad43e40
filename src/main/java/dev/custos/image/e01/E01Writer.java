package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import dev.custos.source.SectorRange;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes media bytes, in order, as an EnCase 6 E01 image: segment files {@code base.E01}, {@code
 * base.E02}, … (then {@code base.EAA} …), each created new (an existing file is never opened),
 * none larger than the segment size, each fsync'ed and sealed read-only (0444) once complete.
 *
 * <p>Chunks are 64 sectors (32 KiB with 512-byte sectors, 256 KiB with 4096-byte ones, as libewf
 * writes them); the last one is shorter when the media is not a multiple of the chunk size.
 *
 * <p>Threading: {@link #write}, {@link #finish}, {@link #files} and {@link #close} are called by
 * one thread, the owner. Chunks are compressed on {@link E01Settings#compressionThreads()} threads
 * (with one, on the owner's thread) and written to the files by the owner, in order. Memory is
 * bounded: a few chunks per thread. A failure, on the owner's thread or a compressor's, surfaces
 * from {@code write} or {@code finish}; the writer then accepts nothing more but {@link #close}.
 * Not reusable.
 */
public final class E01Writer implements Closeable {
  /** Sectors per chunk: libewf's and EnCase's default, whatever the sector size. */
  static final int SECTORS_PER_CHUNK = 64;

  private final E01Settings settings;
  private final E01Media media;
  private final int chunkSize;
  private final SegmentSet segments;
  private final ChunkCompressor compressor;
  private byte[] chunk;
  private int chunkFill;
  private long nextChunk;
  private long bytesWritten;
  /** The last packed chunk, held back until it is known whether the media ends with it. */
  private PackedChunk held;
  private long chunksWritten;
  private long compressedChunks;
  private boolean finished;
  private boolean closed;
  private IOException failure;
  private ImageFile[] finalFiles;

  private E01Writer(E01Settings settings, E01Media media, SegmentSet segments) {
    this.settings = settings;
    this.media = media;
    this.chunkSize = SECTORS_PER_CHUNK * media.bytesPerSector();
    this.segments = segments;
    this.compressor = new ChunkCompressor(settings.compression(), settings.compressionThreads());
    this.chunk = new byte[chunkSize + 4];
  }

  /**
   * Prepares an E01 in {@code directory} and creates its first segment, {@code baseName.E01}, at
   * once, with its header2, header and volume sections.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the first segment exists (it is not touched)
   * @throws IllegalArgumentException if the media needs more chunks than an E01 can count (2^32 - 1)
   * @throws IOException if it cannot be created
   */
  public static E01Writer create(Path directory, E01Settings settings, E01Media media, E01CaseFields fields)
      throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(fields, "fields");
    byte[] volume = VolumeSection.of(media, settings.compression(), SECTORS_PER_CHUNK).encode();
    SegmentSet segments = new SegmentSet(directory, settings.baseName(), settings.segmentSizeBytes(),
        HeaderText.header2Body(fields), HeaderText.headerBody(fields), volume);
    segments.open();
    return new E01Writer(settings, media, segments);
  }

  /**
   * Appends {@code data[offset, offset + length)} to the media; the bytes are copied, the caller may
   * reuse its array on return. Blocks while the compressors are behind.
   *
   * @throws IOException if writing failed, here or on a compressing thread (a full disk); the
   *     writer accepts no more bytes then
   * @throws IllegalStateException if more than the media's bytes would be written, or after a
   *     failure, {@link #finish} or {@link #close}
   * @throws IndexOutOfBoundsException if the range is not within {@code data}
   */
  public void write(byte[] data, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, data.length);
    requireOpen();
    if (length > media.mediaBytes() - bytesWritten) {
      throw new IllegalStateException("writing " + length + " bytes after " + bytesWritten + " would pass the media's "
          + media.mediaBytes() + " bytes");
    }
    try {
      int position = offset;
      int end = offset + length;
      while (position < end) {
        int take = Math.min(end - position, chunkSize - chunkFill);
        System.arraycopy(data, position, chunk, chunkFill, take);
        chunkFill += take;
        position += take;
        bytesWritten += take;
        if (chunkFill == chunkSize) {
          submitChunk();
        }
      }
    } catch (IOException | RuntimeException e) {
      throw fail(e);
    }
  }

  /** Media bytes accepted so far. */
  public long bytesWritten() {
    return bytesWritten;
  }

  /**
   * Completes the image once exactly the media's bytes were written: the last chunk, its tables,
   * the data section (single-segment sets), error2 (when {@code unreadable} is not empty), digest
   * (when {@code sha1} is present), hash and done; every file fsync'ed and sealed.
   *
   * @param unreadable sector runs that could not be read (zero-filled in the media); listed in
   *     error2, sorted, touching runs joined
   * @param md5 the media's MD5, 16 bytes
   * @param sha1 the media's SHA-1, 20 bytes, if computed
   * @return what was written
   * @throws IllegalStateException if fewer or more bytes than the media's were written, or after a
   *     failure, {@code finish} or {@link #close}
   * @throws IllegalArgumentException if a digest has the wrong length, or a run passes the media
   *     or starts beyond sector 2^32 - 1 (EnCase 6's error2 holds 32-bit sector numbers); nothing
   *     more is written then
   * @throws IOException if writing fails
   */
  public E01Summary finish(List<SectorRange> unreadable, byte[] md5, Optional<byte[]> sha1) throws IOException {
    requireOpen();
    if (bytesWritten != media.mediaBytes()) {
      throw new IllegalStateException("finish after " + bytesWritten + " of the media's " + media.mediaBytes() + " bytes");
    }
    Objects.requireNonNull(md5, "md5");
    if (md5.length != 16) {
      throw new IllegalArgumentException("an MD5 is 16 bytes, got " + md5.length);
    }
    if (sha1.isPresent() && sha1.get().length != 20) {
      throw new IllegalArgumentException("a SHA-1 is 20 bytes, got " + sha1.get().length);
    }
    List<long[]> errors = TrailerSections.error2Entries(unreadable, media.sectorCount());
    try {
      if (chunkFill > 0) {
        submitChunk();
      }
      compressor.drain(this::accept);
      long trailerTail = (errors.isEmpty() ? 0 : TrailerSections.error2SectionSize(errors.size()))
          + (sha1.isPresent() ? SectionDescriptor.SIZE + TrailerSections.DIGEST : 0)
          + SectionDescriptor.SIZE + TrailerSections.HASH + SectionDescriptor.SIZE;
      long dataSection = SectionDescriptor.SIZE + VolumeSection.SIZE;
      place(held, number -> (number == 1 ? dataSection : 0) + trailerTail);
      held = null;
      segments.closeGroup();
      if (segments.segmentNumber() == 1) {
        // libewf writes the volume's copy into a set's only segment too, after its last table2.
        segments.section("data", VolumeSection.of(media, settings.compression(), SECTORS_PER_CHUNK).encode());
      }
      if (!errors.isEmpty()) {
        segments.section("error2", TrailerSections.error2(errors));
      }
      if (sha1.isPresent()) {
        segments.section("digest", TrailerSections.digest(md5, sha1.get()));
      }
      segments.section("hash", TrailerSections.hash(md5));
      segments.done();
      finished = true;
      compressor.close();
      List<ImageFile> files = segments.files();
      long stored = files.stream().mapToLong(ImageFile::sizeBytes).reduce(0, Math::addExact);
      finalFiles = files.toArray(new ImageFile[0]);
      return new E01Summary(media.mediaBytes(), chunksWritten, compressedChunks, stored, files);
    } catch (IOException | RuntimeException e) {
      throw fail(e);
    }
  }

  /** The segment files written so far (name, size), in order; valid after an abort too. */
  public List<ImageFile> files() {
    return finalFiles != null ? List.of(finalFiles) : segments.files();
  }

  /**
   * Stops the compressors and, if {@link #finish} did not complete, writes the chunks already
   * compressed and the open group's tables, then fsyncs and seals what was written: an incomplete
   * E01 without a done section. Never deletes anything. Idempotent.
   *
   * @throws IOException if flushing or sealing fails (the files are sealed as far as possible)
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (finished) {
      return;
    }
    try {
      if (failure == null) {
        compressor.drain(this::accept);
        if (held != null) {
          place(held, number -> SectionDescriptor.SIZE);
          held = null;
        }
      }
    } finally {
      compressor.close();
      segments.abandon();
    }
  }

  private void submitChunk() throws IOException {
    byte[] full = chunk;
    int length = chunkFill;
    chunk = new byte[chunkSize + 4];
    chunkFill = 0;
    compressor.submit(nextChunk++, full, length, this::accept);
  }

  /** Receives packed chunks in order; writes the one held before, holds this one. */
  private void accept(PackedChunk packed) throws IOException {
    if (held != null) {
      // Not the last chunk: its segment needs room only for the tables and a "next".
      place(held, number -> SectionDescriptor.SIZE);
    }
    held = packed;
  }

  private void place(PackedChunk packed, java.util.function.IntToLongFunction trailer) throws IOException {
    segments.place(packed, trailer);
    chunksWritten++;
    if (packed.compressed()) {
      compressedChunks++;
    }
  }

  private void requireOpen() {
    if (closed || finished) {
      throw new IllegalStateException("the E01 writer is " + (finished ? "finished" : "closed"));
    }
    if (failure != null) {
      throw new IllegalStateException("the E01 writer failed earlier: " + failure.getMessage(), failure);
    }
  }

  private IOException fail(Exception e) {
    IOException io = e instanceof IOException ioe ? ioe : new IOException("writing the E01 failed: " + e, e);
    failure = io;
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    return io;
  }
}
