/**
 * The acquisition: reading the source once, in order, with bad-sector handling, feeding the block
 * pipeline (digests, piece digests, image writer, progress), and recording the outcome in the
 * manifest.
 *
 * <p>Entry points: {@link dev.custos.acquire.Acquisition} (the use case), {@link
 * dev.custos.acquire.AcquisitionRequest} (what the examiner asked for), {@link
 * dev.custos.digest.ProgressListener} and {@link dev.custos.acquire.StopSignal}.
 */
package dev.custos.acquire;
