package dev.custos.acquire;

import dev.custos.digest.Block;
import dev.custos.digest.BlockConsumer;
import dev.custos.image.ImageSink;
import java.io.IOException;

/** Writes every block into the image; {@link #finish()} flushes and seals the files. */
final class ImageWriterConsumer implements BlockConsumer {
  private final ImageSink sink;

  ImageWriterConsumer(ImageSink sink) {
    this.sink = sink;
  }

  @Override
  public String name() {
    return "image-writer";
  }

  @Override
  public void accept(Block block) throws IOException {
    sink.write(block.data(), 0, block.length());
  }

  @Override
  public void finish() throws IOException {
    sink.close();
  }
}
