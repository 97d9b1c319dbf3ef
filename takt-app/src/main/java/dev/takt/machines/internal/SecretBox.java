package dev.takt.machines.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps connection secrets (passwords) at rest: AES-256-GCM with the key of {@code
 * takt.machines.secret-key} (32 bytes, Base64) when one is configured, else as they are (marked
 * {@code plain:}; docs/machines.md says so). A value stored encrypted cannot be read without the
 * key; one stored plain is read either way, so setting a key later needs only a re-save.
 */
@Component
class SecretBox {

  private static final String PLAIN = "plain:";
  private static final String SEALED = "aesgcm:";
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(@Value("${takt.machines.secret-key:}") String base64Key) {
    if (base64Key == null || base64Key.isBlank()) {
      this.key = null;
    } else {
      byte[] raw = Base64.getDecoder().decode(base64Key.trim());
      if (raw.length != 32) {
        throw new IllegalArgumentException(
            "takt.machines.secret-key must be 32 bytes in Base64 (openssl rand -base64 32)");
      }
      this.key = new SecretKeySpec(raw, "AES");
    }
  }

  boolean encrypts() {
    return key != null;
  }

  String seal(String text) {
    if (key == null) {
      return PLAIN + text;
    }
    try {
      byte[] iv = new byte[12];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = c.doFinal(text.getBytes(StandardCharsets.UTF_8));
      byte[] all = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, all, 0, iv.length);
      System.arraycopy(sealed, 0, all, iv.length, sealed.length);
      return SEALED + Base64.getEncoder().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a connection secret", e);
    }
  }

  String open(String stored) {
    if (stored == null) {
      return null;
    }
    if (stored.startsWith(PLAIN)) {
      return stored.substring(PLAIN.length());
    }
    if (!stored.startsWith(SEALED)) {
      throw new IllegalStateException("unknown secret format");
    }
    if (key == null) {
      throw new IllegalStateException(
          "a connection secret is encrypted but takt.machines.secret-key is not set");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a connection secret cannot be decrypted with this key", e);
    }
  }
}
