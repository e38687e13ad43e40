package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.DigestConsumer;
import dev.custos.error.EvidenceWriteException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageLayout;
import dev.custos.image.ImageSink;
import dev.custos.io.SourceFileKey;
import dev.custos.source.BlockSource;
import dev.custos.source.SectorRange;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Where one pass writes the image. A raw image is written by an {@link ImageSink} as the blocks are
 * read, and a rescue puts the sectors it reads late into it. An E01 set takes the media behind
 * the digests' gate ({@link E01Output}); compressed chunks cannot be rewritten, so from the first
 * block a failing source did not give whole, the blocks go into a raw rescue file instead ({@value
 * #RESCUE_DIRECTORY}/image.raw, holding nothing before that block), the rescue puts its late
 * sectors there, and the digests' catch-up hands the file to the digests and the E01 writer alike.
 * Once the set is finished (its chunks are then the very bytes its digests are of), the rescue
 * file is removed: it is a working copy, not evidence, and every byte of it is in the set.
 *
 * <p>Threading: {@link #writer}'s and {@link #behindGate}'s consumers on their pipeline threads;
 * the rest on the reader thread.
 */
final class PassImage implements Closeable {
  /** The directory in DIR of an E01 acquisition's raw rescue file. */
  static final String RESCUE_DIRECTORY = ".rescue";

  private final ImageSink sink;
  private final Optional<E01Output> e01;
  private final Path rescueDirectory;
  private Optional<Manifest.E01Content> content = Optional.empty();

  private PassImage(ImageSink sink, Optional<E01Output> e01, Path rescueDirectory) {
    this.sink = sink;
    this.e01 = e01;
    this.rescueDirectory = rescueDirectory;
  }

  /**
   * The image of a pass that begins at {@code start}.
   *
   * @throws EvidenceWriteException if the E01 set's first segment cannot be created
   */
  static PassImage open(AcquisitionRequest request, PassStart start, EvidenceDirectory directory, BlockSource source,
      SourceFileKey notSource, HostInfo host, ToolInfo tool) throws EvidenceWriteException {
    if (!request.layout().isE01()) {
      ImageSink sink = start.resuming()
          ? ImageSink.resuming(directory.root(), request.layout(), start.offset(), notSource)
          : new ImageSink(directory.root(), request.layout(), notSource);
      return new PassImage(sink, Optional.empty(), null);
    }
    Path rescueDirectory = directory.root().resolve(RESCUE_DIRECTORY);
    try {
      E01Output e01 = E01Output.create(directory.root(), request, source.identity(), source.errorUnit(), start.started(), host, tool);
      return new PassImage(new ImageSink(rescueDirectory, ImageLayout.raw("raw"), notSource), Optional.of(e01), rescueDirectory);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot create the E01 set in " + directory.root() + ": " + e.getMessage(), e);
    }
  }

  /** The raw image, or an E01 acquisition's rescue file: where a rescue puts its sectors, and the catch-up reads. */
  ImageSink sink() {
    return sink;
  }

  /** The E01 writer, which takes the media the digests take; empty for a raw image. */
  Optional<BlockConsumer> behindGate() {
    return e01.map(E01Output::consumer);
  }

  /**
   * The pipeline's image writer: every block from {@code writeFrom} on into the raw image; for an
   * E01 set, the blocks from the gate ({@code gate}, {@link Long#MAX_VALUE} while open) on into
   * the rescue file. It seals its files at the end unless a rescue is still to write into them.
   */
  BlockConsumer writer(long writeFrom, LongSupplier gate, BooleanSupplier rescuePending) {
    if (e01.isEmpty()) {
      return new ImageWriterConsumer(sink, writeFrom, rescuePending);
    }
    return new BlockConsumer() {
      private boolean started;

      @Override
      public String name() {
        return "rescue-file-writer";
      }

      @Override
      public void accept(Block block) throws IOException {
        if (block.offset() < gate.getAsLong()) {
          return;
        }
        if (!started) {
          Files.createDirectory(rescueDirectory);
          sink.startAt(block.offset());
          started = true;
        }
        sink.write(block.data(), 0, block.length());
      }

      @Override
      public void finish() throws IOException {
        if (!rescuePending.getAsBoolean()) {
          sink.close();
        }
      }
    };
  }

  /**
   * Once every byte is read and digested: completes the E01 set with the sectors not read and the
   * digests. Nothing for a raw image, which is complete as written.
   *
   * @throws IOException if the set cannot be written
   */
  void finish(List<SectorRange> unreadable, List<DigestConsumer> digests) throws IOException {
    if (e01.isPresent()) {
      content = Optional.of(e01.get().finish(unreadable, digests));
    }
  }

  /** What a finished E01 set holds; empty for a raw image or a set not finished. */
  Optional<Manifest.E01Content> content() {
    return content;
  }

  /** Bytes of media written into the image so far. */
  long bytesWritten() {
    return e01.map(E01Output::bytesWritten).orElseGet(sink::totalBytes);
  }

  /**
   * The byte up to which the image holds the source as read, given that the pass's reads and
   * digests are final up to {@code finalUpTo}: that byte for a raw image; for an E01 set, all of
   * it once finished, else nothing, for no reader reads a set that was not finished.
   */
  long acquiredUpTo(long finalUpTo) {
    if (e01.isEmpty()) {
      return finalUpTo;
    }
    return content.map(Manifest.E01Content::mediaSizeBytes).orElse(0L);
  }

  /** What failed while writing the image, in words an examiner can act on. */
  dev.custos.error.EvidenceWriteException failure(Throwable cause, long sourceSize, EvidenceDirectory directory) {
    return TargetFailures.describe(cause, bytesWritten(), sourceSize, directory, e01.isPresent());
  }

  /** The image's files, in order. */
  List<ImageFile> files() {
    return e01.map(E01Output::files).orElseGet(sink::files);
  }

  /**
   * Seals what was written; for a finished E01 set, removes the rescue file, every byte of which
   * is in the set. Idempotent.
   *
   * @throws IOException if a file cannot be sealed or the rescue file removed
   */
  @Override
  public void close() throws IOException {
    try {
      sink.close();
    } finally {
      if (e01.isPresent()) {
        e01.get().close();
      }
    }
    if (content.isPresent() && Files.isDirectory(rescueDirectory, LinkOption.NOFOLLOW_LINKS)) {
      for (ImageFile file : sink.files()) {
        Files.deleteIfExists(rescueDirectory.resolve(file.name()));
      }
      Files.delete(rescueDirectory);
    }
  }
}
