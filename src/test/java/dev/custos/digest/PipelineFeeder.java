package dev.custos.digest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Plays the reader of a {@link BlockPipeline} in tests: reads a file block by block and finishes. */
final class PipelineFeeder {
  private PipelineFeeder() {}

  /** Feeds every byte of {@code file} through {@code pipeline} and calls {@link BlockPipeline#finish()}. */
  static void feed(Path file, BlockPipeline pipeline) throws IOException, PipelineFailure, InterruptedException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      long offset = 0;
      while (offset < size) {
        Block block = pipeline.nextFreeBlock();
        int length = (int) Math.min(block.capacity(), size - offset);
        ByteBuffer buffer = ByteBuffer.wrap(block.data(), 0, length);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, offset + buffer.position()) < 0) {
            throw new IOException(file + " ended early at " + (offset + buffer.position()));
          }
        }
        block.fill(offset, length);
        pipeline.publish(block);
        offset += length;
      }
    }
    pipeline.finish();
  }

  /** Feeds {@code data} through {@code pipeline} and calls {@link BlockPipeline#finish()}. */
  static void feed(byte[] data, BlockPipeline pipeline) throws PipelineFailure, InterruptedException {
    int offset = 0;
    while (offset < data.length) {
      Block block = pipeline.nextFreeBlock();
      int length = Math.min(block.capacity(), data.length - offset);
      System.arraycopy(data, offset, block.data(), 0, length);
      block.fill(offset, length);
      pipeline.publish(block);
      offset += length;
    }
    pipeline.finish();
  }

  /** Hands {@code data} straight to {@code consumer} in blocks of {@code blockSize}, as its pipeline thread would. */
  static void drive(BlockConsumer consumer, byte[] data, int blockSize) throws IOException {
    Block block = new Block(new byte[blockSize], null);
    for (int offset = 0; offset < data.length; offset += blockSize) {
      int length = Math.min(blockSize, data.length - offset);
      System.arraycopy(data, offset, block.data(), 0, length);
      block.fill(offset, length);
      consumer.accept(block);
    }
  }
}
