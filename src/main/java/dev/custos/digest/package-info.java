/**
 * The block pipeline that acquisition and verification both drive, and the digests it computes.
 *
 * <p>Entry points: {@link dev.custos.digest.BlockPipeline} (a bounded pool of blocks handed to one
 * thread per consumer), {@link dev.custos.digest.DigestConsumer} (one running digest per
 * algorithm), {@link dev.custos.digest.PieceDigestConsumer} (one digest per fixed-size piece, so a
 * later verification can name the damaged range), and the values {@link
 * dev.custos.digest.HashAlgorithm}, {@link dev.custos.digest.Digest} and {@link
 * dev.custos.digest.PieceDigest}.
 *
 * <p>Digests are computed with the JDK's {@link java.security.MessageDigest}: its intrinsics
 * (SHA extensions, tuned MD5) are several times faster here than any pure-Java digest.
 */
package dev.custos.digest;
