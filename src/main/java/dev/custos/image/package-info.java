/**
 * Image files: writing a raw image as one file or as split segments, finding the segments of a
 * split image another tool wrote. Every finished file follows the write-once rules of {@link
 * dev.custos.io.WriteOnce}.
 *
 * <p>Entry points: {@link dev.custos.image.ImageLayout} (where the bytes of an image go), {@link
 * dev.custos.image.ImageSink} (writes the bytes in order), {@link dev.custos.image.ImageFile}
 * (a finished file and its size), and {@link dev.custos.image.SplitSet} (the files of an image another tool acquired, from its first).
 */
package dev.custos.image;
