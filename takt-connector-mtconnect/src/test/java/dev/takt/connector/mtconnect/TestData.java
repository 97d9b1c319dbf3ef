package dev.takt.connector.mtconnect;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared test data (real MTConnect device files, schemas and the recorded machine data)
 * in place: {@code shared/testdata/mtconnect} beside the project root or one of its parents (the
 * main checkout has it at {@code ../shared}, a worktree further up). Nothing is copied into the
 * repository. Absent data skips the test with a message, unless {@code TAKT_TESTDATA_REQUIRED=true}
 * (CI), which fails it.
 */
final class TestData {

  private TestData() {}

  /** The {@code mtconnect} test data folder, or skips/fails the calling test. */
  static Path mtconnect() {
    Path found = find();
    if (found == null) {
      String message =
          "MTConnect test data not found: looked for shared/testdata/mtconnect beside "
              + root()
              + " and its parents";
      if ("true".equalsIgnoreCase(System.getenv("TAKT_TESTDATA_REQUIRED"))) {
        fail(message + " (TAKT_TESTDATA_REQUIRED=true)");
      }
      Assumptions.abort(message + "; skipped");
    }
    return found;
  }

  static Path okumaMazakDevices() {
    return mtconnect().resolve("devices/demo-okuma-mazak-2.7.xml");
  }

  static Path okumaRecording() {
    return mtconnect().resolve("shdr/okuma-2022-08-08.shdr.txt");
  }

  static Path schema(String name) {
    return mtconnect().resolve("schemas").resolve(name);
  }

  private static Path find() {
    for (Path dir = root(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/testdata/mtconnect");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static Path root() {
    String configured = System.getProperty("takt.projectRoot");
    return Path.of(configured != null ? configured : System.getProperty("user.dir"))
        .toAbsolutePath()
        .normalize();
  }
}
