package dev.custos.acquire;

import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.source.DeviceNumber;
import dev.custos.source.SourceIdentity;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** The refusals that need both the source and the output, made before anything is written. */
final class OutputChecks {
  private OutputChecks() {}

  /**
   * @param alreadyWritten bytes of the image already on disk (a resumption's), not needed again
   * @throws UsageException if the output lies on the source (or a source file inside the output), the block or segment size does not
   *     fit the sector size, or the output's file system lacks room for the image
   */
  static void check(AcquisitionRequest request, SourceIdentity source, EvidenceDirectory directory, long allowance,
      long alreadyWritten) throws UsageException {
    int sectorSize = source.logicalSectorSize();
    if (request.blockSize() % sectorSize != 0) {
      throw new UsageException("block size " + request.blockSize() + " is not a multiple of the source's sector size " + sectorSize);
    }
    if (request.layout().isSplit() && request.layout().segmentSize() % sectorSize != 0) {
      throw new UsageException("segment size " + request.layout().segmentSize() + " is not a multiple of the source's sector size " + sectorSize);
    }
    Path existing = directory.nearestExisting();
    refuseOutputOnSource(source, directory, existing);
    refuseSourceInsideOutput(source, directory);
    refuseTooLittleSpace(source, directory, existing, allowance, alreadyWritten);
  }

  /**
   * A source file inside the evidence directory could be one of the files Custos writes there
   * (its lock, its reserve, its progress record): the source would be written. Refused, whatever
   * name it has.
   */
  private static void refuseSourceInsideOutput(SourceIdentity source, EvidenceDirectory directory) throws UsageException {
    if (source.kind().isDevice() || !Files.isDirectory(directory.root())) {
      return;
    }
    try {
      Path realSource = source.path().toRealPath();
      Path realOutput = directory.root().toRealPath();
      if (realSource.startsWith(realOutput)) {
        throw new UsageException("refusing to write evidence to " + directory.root() + ": the source " + source.path()
            + " lies inside it; Custos writes its own files there and would write the source");
      }
    } catch (IOException e) {
      throw new UsageException("cannot tell whether the source " + source.path() + " lies inside " + directory.root() + ": "
          + e.getMessage(), e);
    }
  }

  private static void refuseOutputOnSource(SourceIdentity source, EvidenceDirectory directory, Path existing) throws UsageException {
    if (!source.kind().isDevice()) {
      return;
    }
    DeviceNumber outputDevice;
    try {
      outputDevice = DeviceNumber.ofFileSystemOf(existing);
    } catch (IOException e) {
      throw new UsageException("cannot tell which device holds " + existing + ": " + e.getMessage(), e);
    }
    if (source.coveringDevices().contains(outputDevice)) {
      throw new UsageException("refusing to write evidence to " + directory.root() + ": it lies on the source "
          + source.path() + " itself (device " + outputDevice + ")");
    }
  }

  private static void refuseTooLittleSpace(SourceIdentity source, EvidenceDirectory directory, Path existing, long allowance,
      long alreadyWritten) throws UsageException {
    long image = source.sizeBytes() - alreadyWritten;
    long needed = Math.addExact(image, allowance);
    long free;
    try {
      FileStore store = Files.getFileStore(existing);
      free = store.getUsableSpace();
      // A reserve left by a process that was killed (kill -9, a power cut) is room this run takes over.
      Path reserve = directory.root().resolve(EvidenceDirectory.RESERVE);
      if (Files.isRegularFile(reserve, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        free = Math.addExact(free, Files.size(reserve));
      }
    } catch (IOException e) {
      throw new UsageException("cannot tell the free space at " + existing + ": " + e.getMessage(), e);
    }
    if (free < needed) {
      throw new UsageException("not enough free space for the image in " + directory.root() + ": needs "
          + needed + " bytes (" + image + " of image and " + allowance + " for the manifest), "
          + free + " bytes are free");
    }
  }
}
