package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.digest.Digest;
import dev.custos.digest.DigestConsumer;
import dev.custos.digest.HashAlgorithm;
import dev.custos.evidence.CaseInfo;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageFile;
import dev.custos.image.ImageLayout;
import dev.custos.image.e01.E01CaseFields;
import dev.custos.image.e01.E01Media;
import dev.custos.image.e01.E01Settings;
import dev.custos.image.e01.E01Summary;
import dev.custos.image.e01.E01Writer;
import dev.custos.source.SectorRange;
import dev.custos.source.SourceIdentity;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One pass's E01 set. Its writer takes the media behind the digests' gate, the very blocks the
 * digests take, in order: the blocks read whole by the first pass, then, once a rescue is over,
 * the digests' catch-up over the raw rescue file. So the chunks hold exactly the bytes the
 * recorded digests are of, and the set's own MD5 and SHA-1 are those digests. It is finished (its
 * tables, error2, digest, hash and done sections written) only once the digests are; an
 * acquisition that does not complete leaves an unfinished set, sealed, which no reader takes for
 * an image.
 *
 * <p>Threading: {@link #consumer()}'s methods on the pipeline's writer thread; the rest on the
 * reader thread once the pipeline is over.
 */
final class E01Output implements Closeable {
  /** Sectors per chunk: 32 KiB chunks of 512-byte sectors, as EnCase writes them. */
  private static final int SECTORS_PER_CHUNK = 64;

  private final E01Writer writer;
  private final int sectorSize;

  private E01Output(E01Writer writer, int sectorSize) {
    this.writer = writer;
    this.sectorSize = sectorSize;
  }

  /**
   * The header fields of the set, checked before anything is written.
   *
   * @throws IllegalArgumentException if a case field cannot be held by an E01 header (a tab or a
   *     line break), naming it
   */
  static E01CaseFields caseFields(CaseInfo caseInfo, Instant started, HostInfo host, ToolInfo tool) {
    return new E01CaseFields(caseInfo.caseId(), caseInfo.evidenceId(), caseInfo.examiner(),
        Optional.ofNullable(caseInfo.description()).orElse(""), Optional.ofNullable(caseInfo.notes()).orElse(""), started, started,
        host.os(), tool.name() + " " + tool.version());
  }

  /**
   * Creates the first segment file of {@code request}'s E01 set in {@code directory}.
   *
   * @throws IOException if it cannot be created (it exists already, the disk refuses)
   */
  static E01Output create(Path directory, AcquisitionRequest request, SourceIdentity source, int errorUnit, Instant started,
      HostInfo host, ToolInfo tool) throws IOException {
    ImageLayout layout = request.layout();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    E01Settings settings = new E01Settings(ImageLayout.BASE_NAME, layout.segmentSize(), layout.compression().orElseThrow(), threads);
    int sectorSize = source.logicalSectorSize();
    E01Media media = new E01Media(source.sizeBytes(), sectorSize, source.kind() == dev.custos.source.SourceKind.BLOCK_DEVICE,
        Math.max(1, errorUnit / sectorSize), UUID.randomUUID());
    E01Writer writer = E01Writer.create(directory, settings, media, caseFields(request.caseInfo(), started, host, tool));
    return new E01Output(writer, sectorSize);
  }

  /** Takes the media in order; to be put behind the digests' gate. Finishing is {@link #finish}'s, once the digests are. */
  BlockConsumer consumer() {
    return new BlockConsumer() {
      @Override
      public String name() {
        return "e01-writer";
      }

      @Override
      public void accept(Block block) throws IOException {
        writer.write(block.data(), 0, block.length());
      }

      @Override
      public void finish() {
        // the set's digests are the pipeline's: see E01Output.finish
      }
    };
  }

  /**
   * Completes the set with the sectors not read and the digests of the media: its MD5, and its
   * SHA-1 when one was computed.
   *
   * @throws IOException if it cannot be written
   */
  Manifest.E01Content finish(List<SectorRange> unreadable, List<DigestConsumer> digests) throws IOException {
    byte[] md5 = digestOf(digests, HashAlgorithm.MD5).orElseThrow(() -> new IllegalStateException("an E01 acquisition computes MD5"));
    E01Summary summary = writer.finish(unreadable, md5, digestOf(digests, HashAlgorithm.SHA_1));
    return new Manifest.E01Content(summary.mediaBytes(), SECTORS_PER_CHUNK * sectorSize, summary.chunks(), summary.compressedChunks());
  }

  private static Optional<byte[]> digestOf(List<DigestConsumer> digests, HashAlgorithm algorithm) {
    return digests.stream().map(DigestConsumer::result).filter(digest -> digest.algorithm() == algorithm).findFirst()
        .map(Digest::bytes);
  }

  /** Media bytes the set holds so far. */
  long bytesWritten() {
    return writer.bytesWritten();
  }

  /** The segment files written, in order. */
  List<ImageFile> files() {
    return writer.files();
  }

  /** Seals what was written; an unfinished set stays unfinished. Idempotent. */
  @Override
  public void close() throws IOException {
    writer.close();
  }
}
