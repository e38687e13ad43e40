/**
 * Shared rules for the files Custos keeps: how a file of an evidence directory is read, and what a
 * file must be before Custos appends to it. Depends on nothing else of Custos.
 *
 * <p>Entry points: {@link dev.custos.io.EvidenceFile} (read a regular file whole, within its
 * {@link dev.custos.io.ReadLimit}, never blocking on a FIFO or a device; check a file before an
 * append) and {@link dev.custos.io.NotEvidenceFileException} (why a file was refused, one line).
 */
package dev.custos.io;
