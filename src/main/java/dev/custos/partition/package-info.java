/**
 * The partition table of a source, read from its bytes: an MBR (its four primary entries and the
 * logical partitions of an extended one) or a GPT (protective MBR, primary header and entry array
 * with their CRC32s, the backup header at the last LBA).
 *
 * <p>Entry points: {@link dev.custos.partition.PartitionTableReader} reads a {@link
 * dev.custos.partition.Media}; its answer is a {@link dev.custos.partition.PartitionTable} (the
 * scheme, each {@link dev.custos.partition.Partition} with its {@link
 * dev.custos.partition.PartitionType}, and findings).
 *
 * <p>A damaged table is evidence, not an error: what does not check out (a CRC, a missing backup,
 * a partition past the end of the media) is a finding in the table read, never an exception. Only
 * a failing read of the media throws. Depends on nothing else of Custos.
 */
package dev.custos.partition;
