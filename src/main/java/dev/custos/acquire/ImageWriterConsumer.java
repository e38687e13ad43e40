package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.image.ImageSink;
import java.io.IOException;

/**
 * Writes every block from {@code writeFrom} on into the image (a resumption's earlier blocks are
 * the image's own, re-hashed, not written again); {@link #finish()} flushes and seals the files.
 */
final class ImageWriterConsumer implements BlockConsumer {
  private final ImageSink sink;
  private final long writeFrom;

  ImageWriterConsumer(ImageSink sink, long writeFrom) {
    this.sink = sink;
    this.writeFrom = writeFrom;
  }

  @Override
  public String name() {
    return "image-writer";
  }

  @Override
  public void accept(Block block) throws IOException {
    if (block.offset() >= writeFrom) {
      sink.write(block.data(), 0, block.length());
    }
  }

  @Override
  public void finish() throws IOException {
    sink.close();
  }
}
