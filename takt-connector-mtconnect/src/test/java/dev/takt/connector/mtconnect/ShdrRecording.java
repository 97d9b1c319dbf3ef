package dev.takt.connector.mtconnect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A recorded SHDR adapter stream (what a machine adapter sent the agent), turned into the
 * observations an agent would buffer. SHDR: {@code timestamp|key|value|key|value...}; a CONDITION
 * key takes five fields ({@code level|nativeCode|nativeSeverity|qualifier|message}). Protocol lines
 * ({@code * ...}) and assets ({@code @ASSET@}, multi-line blocks) are not observations and are
 * skipped, as are keys the device does not have.
 */
record ShdrRecording(int lines, List<Shdr> observations) {

  /** One observation of the recording; for a condition, {@code value} is its level. */
  record Shdr(
      String timestamp,
      DeviceFile.Item item,
      String value,
      String nativeCode,
      String nativeSeverity,
      String qualifier,
      String message) {

    static Shdr of(String timestamp, DeviceFile.Item item, String value) {
      return new Shdr(timestamp, item, value, "", "", "", "");
    }
  }

  static ShdrRecording read(Path file, DeviceFile devices, String device) {
    try {
      List<String> lines = Files.readAllLines(file);
      return new ShdrRecording(lines.size(), parse(lines, devices.shdrKeys(device)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  static List<Shdr> parse(List<String> lines, Map<String, DeviceFile.Item> keys) {
    List<Shdr> out = new ArrayList<>();
    String multiline = null;
    for (String line : lines) {
      if (multiline != null) {
        if (line.equals(multiline)) {
          multiline = null;
        }
        continue;
      }
      int marker = line.indexOf("--multiline--");
      if (marker >= 0) {
        multiline = line.substring(marker);
        continue;
      }
      if (line.isEmpty() || line.startsWith("*")) {
        continue;
      }
      String[] f = line.split("\\|", -1);
      if (f.length < 3 || f[1].startsWith("@")) {
        continue;
      }
      String timestamp = f[0];
      int i = 1;
      while (i < f.length) {
        DeviceFile.Item item = keys.get(f[i]);
        if (item != null && item.isCondition()) {
          String[] c = Arrays.copyOfRange(f, i + 1, Math.min(f.length, i + 6));
          String[] p = Arrays.copyOf(c, 5);
          for (int k = 0; k < 5; k++) {
            p[k] = p[k] == null ? "" : p[k];
          }
          out.add(new Shdr(timestamp, item, p[0], p[1], p[2], p[3], p[4]));
          i += 6;
        } else {
          if (item != null && i + 1 < f.length) {
            out.add(Shdr.of(timestamp, item, f[i + 1]));
          }
          i += 2;
        }
      }
    }
    return out;
  }
}
