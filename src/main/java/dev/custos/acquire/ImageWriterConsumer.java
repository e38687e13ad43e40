package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.image.ImageSink;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Writes every block from {@code writeFrom} on into the image (a resumption's earlier blocks are
 * the image's own, re-hashed, not written again); {@link #finish()} flushes and seals the files,
 * unless a rescue is still to put the sectors it reads late into them: then the pass closes the
 * sink once the rescue is over.
 */
final class ImageWriterConsumer implements BlockConsumer {
  private final ImageSink sink;
  private final long writeFrom;
  private final BooleanSupplier rescuePending;

  ImageWriterConsumer(ImageSink sink, long writeFrom, BooleanSupplier rescuePending) {
    this.sink = sink;
    this.writeFrom = writeFrom;
    this.rescuePending = rescuePending;
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
    if (!rescuePending.getAsBoolean()) {
      sink.close();
    }
  }
}
