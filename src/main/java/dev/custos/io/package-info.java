/**
 * Shared rules for the files Custos keeps: how a file of an evidence directory is read, and what a
 * file must be before Custos appends to it. Depends on nothing else of Custos.
 *
 * <p>Entry points: {@link dev.custos.io.EvidenceFile} (read a regular file whole, within its
 * {@link dev.custos.io.ReadLimit}, never blocking on a FIFO or a device; check a file before an
 * append), {@link dev.custos.io.SourceFileKey} (proof that a file Custos writes is not the source
 * it acquires, refused with {@link dev.custos.io.SourceWriteRefusedException}), {@link
 * dev.custos.io.WriteOnce} (fsync, read-only, never replace: how every finished
 * evidence file is written), {@link dev.custos.io.StagingBuffer} (the page-aligned buffer reads of
 * the source and writes of the image go through), {@link dev.custos.io.NotEvidenceFileException}
 * (why a file was refused, one line) and {@link dev.custos.io.WholeUnits} (the refusal of a size that
 * is not a whole number of sectors, naming the nearest that are).
 */
package dev.custos.io;
