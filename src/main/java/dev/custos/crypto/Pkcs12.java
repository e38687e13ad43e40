package dev.custos.crypto;

import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PKCS#12 key files: one private key and its certificate chain, read and written through the
 * JDK's {@code KeyStore "PKCS12"}. Since JDK 17 (JDK-8153005) its defaults protect keys and
 * certificates with PBES2 (PBKDF2-HmacSHA256, AES-256-CBC, 10,000 iterations) and the file with an
 * HmacSHA256 MAC: what OpenSSL 3 writes and reads without {@code -legacy}, so no Bouncy Castle
 * provider is needed and the examiner can inspect the file with openssl. Stateless.
 */
final class Pkcs12 {
  /** The alias Custos stores its one key entry under ({@code openssl pkcs12} shows it as friendlyName). */
  static final String ALIAS = "custos";

  private Pkcs12() {}

  /** A private key and its chain, the key's certificate first. */
  record KeyEntry(PrivateKey key, List<X509Certificate> chain) {
    KeyEntry {
      chain = List.copyOf(chain);
    }

    X509Certificate certificate() {
      return chain.get(0);
    }
  }

  /**
   * The one private key entry of {@code file}.
   *
   * @throws UsageException if the file is missing or unreadable, is not PKCS#12, the password is
   *     wrong, or it holds no private key with an X.509 certificate; one line naming the file
   */
  static KeyEntry read(Path file, char[] password) throws UsageException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("key file " + file + " not found", e);
    } catch (AccessDeniedException e) {
      throw new UsageException("key file " + file + " is not readable (permission denied)", e);
    } catch (IOException e) {
      throw new UsageException("key file " + file + " cannot be read: " + e.getMessage(), e);
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(bytes), password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new UsageException("wrong password for " + file, e);
      }
      throw new UsageException(file + " is not a PKCS#12 key file", e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new UsageException(file + " is not a PKCS#12 key file", e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue;
        }
        Key key = store.getKey(alias, password);
        Certificate[] chain = store.getCertificateChain(alias);
        if (key instanceof PrivateKey && chain != null && chain.length > 0) {
          return new KeyEntry((PrivateKey) key, x509(file, chain));
        }
      }
    } catch (UnrecoverableKeyException e) {
      throw new UsageException("wrong password for the key in " + file, e);
    } catch (GeneralSecurityException e) {
      throw new UsageException(file + " holds a key Custos cannot read: " + e.getMessage(), e);
    }
    throw new UsageException(file + " holds no private key with its certificate");
  }

  private static List<X509Certificate> x509(Path file, Certificate[] chain) throws UsageException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : chain) {
      if (!(certificate instanceof X509Certificate)) {
        throw new UsageException(file + " holds a " + certificate.getType() + " certificate, not X.509");
      }
      certificates.add((X509Certificate) certificate);
    }
    return certificates;
  }

  /** {@code entry} as a PKCS#12 file's bytes, protected by {@code password} (the JDK's defaults, above). */
  static byte[] encode(KeyEntry entry, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, entry.key(), password, entry.chain().toArray(new Certificate[0]));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      store.store(bytes, password);
      return bytes.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("the JDK writes PKCS#12 to memory", e);
    }
  }

  /**
   * Writes {@code entry} to the new file {@code file}, readable by its owner only (0600: it holds a
   * secret key), flushed to disk. The bytes go to a hidden temporary file first, linked into place,
   * so {@code file} appears complete or not at all and an existing file is never replaced.
   *
   * @throws UsageException if {@code file} exists already
   * @throws EvidenceWriteException if it cannot be written
   */
  static void writeNew(Path file, KeyEntry entry, char[] password) throws UsageException, EvidenceWriteException {
    byte[] content = encode(entry, password);
    Path directory = file.toAbsolutePath().getParent();
    Path temporary = directory.resolve("." + file.getFileName() + ".partial");
    try {
      Files.deleteIfExists(temporary);
      try (FileChannel channel = FileChannel.open(temporary, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      // A hard link fails if the target exists: the no-clobber rename POSIX rename(2) lacks.
      Files.createLink(file, temporary);
      try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
        channel.force(true);
      }
    } catch (FileAlreadyExistsException e) {
      throw new UsageException(file + " already exists; Custos never overwrites a key file", e);
    } catch (IOException e) {
      throw new EvidenceWriteException("cannot write key file " + file + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the link is in place or the write failed already; a stale .partial is replaced next time
      }
    }
  }
}
