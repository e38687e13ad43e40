/**
 * Image files: writing a raw image as one file or as split segments, and the write-once rules
 * every finished evidence file follows.
 *
 * <p>Entry points: {@link dev.custos.image.ImageLayout} (where the bytes of an image go), {@link
 * dev.custos.image.ImageSink} (writes the bytes in order), {@link dev.custos.image.ImageFile}
 * (a finished file and its size), and {@link dev.custos.image.WriteOnce} (fsync and read-only).
 */
package dev.custos.image;
