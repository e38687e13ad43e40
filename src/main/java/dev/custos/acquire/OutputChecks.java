package dev.custos.acquire;

import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.io.WholeUnits;
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
    String sectors = "the source's " + sectorSize + "-byte sectors";
    if (!WholeUnits.fits(request.blockSize(), sectorSize)) {
      throw new UsageException(WholeUnits.refusal("block size", request.blockSize(), sectorSize, sectors,
          AcquisitionRequest.MAX_BLOCK_SIZE));
    }
    if (request.layout().isSplit() && !WholeUnits.fits(request.layout().segmentSize(), sectorSize)) {
      throw new UsageException(WholeUnits.refusal("segment size", request.layout().segmentSize(), sectorSize, sectors,
          Long.MAX_VALUE));
    }
    if (request.layout().isE01()) {
      checkE01(request, source);
    }
    Path existing = directory.nearestExisting();
    refuseOutputOnSource(source, directory, existing);
    refuseSourceInsideOutput(source, directory);
    refuseTooLittleSpace(source, directory, existing, allowance, alreadyWritten);
  }

  /** What an E01 set cannot hold: part of a sector, a sector size EnCase does not know, a line break in a header field. */
  private static void checkE01(AcquisitionRequest request, SourceIdentity source) throws UsageException {
    int sectorSize = source.logicalSectorSize();
    if (sectorSize != 512 && sectorSize != 4096) {
      throw new UsageException("an E01 set holds sectors of 512 or 4096 bytes; " + source.path() + " has sectors of " + sectorSize
          + " bytes: acquire it with --format raw or split");
    }
    if (source.sizeBytes() == 0 || source.sizeBytes() % sectorSize != 0) {
      throw new UsageException("an E01 set holds whole sectors; " + source.path() + " is " + source.sizeBytes()
          + " bytes, not a positive multiple of its " + sectorSize + "-byte sectors: acquire it with --format raw or split");
    }
    try {
      E01Output.caseFields(request.caseInfo(), java.time.Instant.EPOCH, dev.custos.evidence.HostInfo.current(),
          dev.custos.evidence.ToolInfo.current());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + ": an E01 header cannot hold it; acquire with --format raw or split, or"
          + " give the text on one line", e);
    }
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
