import java.io.FileInputStream;
import java.security.MessageDigest;

/** bench/e01-cpu-bound: seconds the JDK's MessageDigest takes alone, one thread, over a file: the digests' share of an acquisition's CPU. */
public class DigestCost {
  public static void main(String[] args) throws Exception {
    byte[] buffer = new byte[1 << 20];
    for (String algorithm : new String[] {"MD5", "SHA-1", "SHA-256"}) {
      for (int warm = 0; warm < 2; warm++) {
        MessageDigest digest = MessageDigest.getInstance(algorithm);
        long start = System.nanoTime();
        try (FileInputStream in = new FileInputStream(args[0])) {
          for (int n; (n = in.read(buffer)) > 0;) {
            digest.update(buffer, 0, n);
          }
        }
        digest.digest();
        if (warm == 1) {
          System.out.printf(java.util.Locale.ROOT, "%s %.2f%n", algorithm, (System.nanoTime() - start) / 1e9);
        }
      }
    }
  }
}
