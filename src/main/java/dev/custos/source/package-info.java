/**
 * The source: finding block devices, identifying them, checking that nothing can write to them,
 * and opening them for reading through a type that has no way to write.
 *
 * <p>Entry points: {@link dev.custos.source.SourceInspector} (what a path is: device, partition
 * or file, its identity and mounts), {@link dev.custos.source.DeviceInventory} (every block
 * device of the system with its partitions, mounts and hidden areas, for {@code acquire
 * devices}), {@link dev.custos.source.WriteBlockGuard} (the write-block rules), {@link
 * dev.custos.source.ReadOnlySource} (the read path), {@link dev.custos.source.SectorRange} (a
 * run of LBAs), {@link dev.custos.source.SourceState} (what can be seen of a source from outside,
 * taken before and after reading it to catch a source that changes), {@link
 * dev.custos.source.LostDriveCheck} (a lost drive told from a damaged one after a failed read),
 * {@link dev.custos.source.OsError} (a read's errno, by name). A device's failed reads are located
 * to the logical sector through {@code NativeSectorReader} (the C library's {@code pread}, O_DIRECT).
 * What the drive says about itself (hdparm -I, smartctl, nvme-cli) is {@code
 * dev.custos.source.driveidentity}.
 */
package dev.custos.source;
