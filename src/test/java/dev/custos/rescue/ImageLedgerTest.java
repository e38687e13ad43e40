package dev.custos.rescue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ledger proves that the image read back after a rescue is what the acquisition read and
 * wrote: the copy pass's bytes (zeros where it read nothing) and each run of bytes a later phase
 * wrote over those zeros, forwards, backwards or in one piece. Any byte changed is found.
 */
class ImageLedgerTest {
  private static final int SECTOR = 512;
  private static final int BLOCK = 8192;
  private static final long FROM = 4 * BLOCK;

  private final byte[] source = random(12 * BLOCK);
  private final byte[] image = source.clone();
  private final ImageLedger ledger = new ImageLedger(FROM, SECTOR);

  /** The copy pass left two areas zero: block 5 and sectors 3-9 of block 8; the phases read them back. */
  private void rescue() {
    Arrays.fill(image, 5 * BLOCK, 6 * BLOCK, (byte) 0);
    Arrays.fill(image, 8 * BLOCK + 3 * SECTOR, 8 * BLOCK + 10 * SECTOR, (byte) 0);
    for (long offset = FROM; offset < image.length; offset += BLOCK) {
      ledger.copied(offset, Arrays.copyOfRange(image, (int) offset, (int) offset + BLOCK), BLOCK);
    }
    write(5 * BLOCK, BLOCK); // a block read again in one piece
    for (int sector = 3; sector < 6; sector++) { // trimmed forwards
      write(8 * BLOCK + sector * SECTOR, SECTOR);
    }
    for (int sector = 9; sector >= 6; sector--) { // trimmed backwards
      write(8 * BLOCK + sector * SECTOR, SECTOR);
    }
  }

  private void write(long position, int length) {
    System.arraycopy(source, (int) position, image, (int) position, length);
    ledger.patched(position, image, (int) position, length);
  }

  private Optional<String> check() {
    ImageLedger.Check check = ledger.check();
    for (long offset = FROM; offset < image.length; offset += BLOCK) {
      check.feed(offset, Arrays.copyOfRange(image, (int) offset, (int) offset + BLOCK), BLOCK);
    }
    return check.finish();
  }

  @Test
  void check_imageAsWritten_noProblem() {
    rescue();

    assertThat(image).isEqualTo(source);
    assertThat(check()).isEmpty();
  }

  @Test
  void check_byteChangedWhereTheCopyPassWrote_found() {
    rescue();
    image[10 * BLOCK + 7] ^= 1;

    assertThat(check()).get().asString().contains("not what the copy pass read and wrote");
  }

  @Test
  void check_byteChangedInABlockReadAgain_found() {
    rescue();
    image[5 * BLOCK + 100] ^= 1;

    assertThat(check()).get().asString().contains("bytes " + 5 * BLOCK + "-" + (6 * BLOCK - 1));
  }

  @Test
  void check_byteChangedInSectorsTrimmedForwards_found() {
    rescue();
    image[8 * BLOCK + 4 * SECTOR + 1] ^= 1;

    assertThat(check()).get().asString().contains("bytes " + (8 * BLOCK + 3 * SECTOR) + "-");
  }

  @Test
  void check_byteChangedInSectorsTrimmedBackwards_found() {
    rescue();
    image[8 * BLOCK + 7 * SECTOR] ^= 1;

    assertThat(check()).get().asString().contains("bytes " + (8 * BLOCK + 6 * SECTOR) + "-" + (8 * BLOCK + 10 * SECTOR - 1));
  }

  @Test
  void check_twoBackwardSectorsSwapped_found() {
    rescue();
    byte[] first = Arrays.copyOfRange(image, 8 * BLOCK + 6 * SECTOR, 8 * BLOCK + 7 * SECTOR);
    System.arraycopy(image, 8 * BLOCK + 7 * SECTOR, image, 8 * BLOCK + 6 * SECTOR, SECTOR);
    System.arraycopy(first, 0, image, 8 * BLOCK + 7 * SECTOR, SECTOR);

    assertThat(check()).isPresent();
  }

  @Test
  void check_zerosLeftWhereAPhaseWrote_found() {
    rescue();
    Arrays.fill(image, 5 * BLOCK, 6 * BLOCK, (byte) 0);

    assertThat(check()).isPresent();
  }

  @Test
  void patched_sameBytesTwice_refused() {
    rescue();

    assertThatThrownBy(() -> ledger.patched(5 * BLOCK + SECTOR, image, 0, SECTOR)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("written twice");
  }

  @Test
  void patched_beforeTheLedgerBegins_refused() {
    assertThatThrownBy(() -> ledger.patched(0, image, 0, SECTOR)).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(3).nextBytes(bytes);
    return bytes;
  }
}
