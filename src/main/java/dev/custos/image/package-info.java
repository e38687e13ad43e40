/**
 * Image files: writing a raw image as one file or as split segments, finding the segments of a
 * split image another tool wrote, and the write-once rules every finished evidence file follows.
 *
 * <p>Entry points: {@link dev.custos.image.ImageLayout} (where the bytes of an image go), {@link
 * dev.custos.image.ImageSink} (writes the bytes in order), {@link dev.custos.image.ImageFile}
 * (a finished file and its size), {@link dev.custos.image.WriteOnce} (fsync and read-only), and
 * {@link dev.custos.image.SplitSet} (the files of an image another tool acquired, from its first).
 */
package dev.custos.image;
