package dev.custos.crypto;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/** ECDSA P-256 (secp256r1) keys, made and recognised through the JDK's own provider. Stateless. */
final class P256 {
  private static final String CURVE = "secp256r1";

  private P256() {}

  /** A fresh P-256 key pair from {@code random}. */
  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(CURVE), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides EC " + CURVE, e);
    }
  }

  /** Whether {@code key} is an EC key on P-256: same field, curve, generator and order. */
  static boolean isP256(Key key) {
    if (!(key instanceof ECKey)) {
      return false;
    }
    ECParameterSpec actual = ((ECKey) key).getParams();
    ECParameterSpec expected = parameters();
    return actual.getCurve().equals(expected.getCurve())
        && actual.getGenerator().equals(expected.getGenerator())
        && actual.getOrder().equals(expected.getOrder())
        && actual.getCofactor() == expected.getCofactor();
  }

  private static ECParameterSpec parameters() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(CURVE));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides EC " + CURVE, e);
    }
  }
}
