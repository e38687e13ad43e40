/**
 * JMH micro-benchmarks of what decides the speed of acquisition and verification: the digests
 * over heap arrays and direct buffers ({@link dev.custos.bench.DigestThroughput}), the read block
 * size and buffer kind ({@link dev.custos.bench.BlockSizeRead}), the block pipeline's hand-off
 * ({@link dev.custos.bench.PipelineHandoff}), and {@code O_DIRECT} against page-cache reads
 * ({@link dev.custos.bench.DirectIoRead}).
 *
 * <p>Built and run only in the Maven profile {@code jmh}: {@code bench/jmh [JMH arguments]}. Rates
 * are reported in MB/s (10^6 bytes a second): each benchmark counts bytes as its operations and
 * reports them per microsecond, and one byte per microsecond is one MB/s.
 */
package dev.custos.bench;
