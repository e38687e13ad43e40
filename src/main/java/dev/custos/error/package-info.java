/**
 * The failures Custos reports, one class per kind of failure. The command line maps each to an
 * exit code in one place; everything else only throws them, with the cause kept.
 *
 * <ul>
 *   <li>{@link dev.custos.error.UsageException}: bad input or a refusal before anything is written
 *       (exit 2).
 *   <li>{@link dev.custos.error.SourceAccessException}: the source failed while being read, beyond
 *       what bad-sector handling covers (exit 3).
 *   <li>{@link dev.custos.error.EvidenceWriteException}: evidence could not be written (exit 3).
 *   <li>{@link dev.custos.error.SigningException}: a signature could not be completed, e.g. the
 *       timestamp authority did not answer; nothing signed was written (exit 3).
 *   <li>{@link dev.custos.error.CustodyBrokenException}: the custody log is broken where an append
 *       would build on it (exit 1).
 * </ul>
 */
package dev.custos.error;
