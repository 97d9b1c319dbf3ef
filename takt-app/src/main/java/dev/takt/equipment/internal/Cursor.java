package dev.takt.equipment.internal;

import dev.takt.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after the last item of a page: its site code and code, the order lists are sorted
 * in. Opaque to callers (base64url), so that its form may change.
 */
record Cursor(String site, String code) {

  static Cursor parse(String after) {
    if (after == null || after.isBlank()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
      int slash = text.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException();
      }
      return new Cursor(text.substring(0, slash), text.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("after", "not a cursor this API handed out");
    }
  }

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((site + "/" + code).getBytes(StandardCharsets.UTF_8));
  }
}
