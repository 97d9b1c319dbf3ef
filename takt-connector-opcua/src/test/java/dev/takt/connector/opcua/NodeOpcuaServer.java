package dev.takt.connector.opcua;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The node-opcua server of {@code src/test/node/server.js}, run as a separate process on 127.0.0.1:
 * an OPC UA implementation that is not Milo. {@code .ci/run} installs its packages ({@code npm
 * ci}); where node or the packages are missing, tests using it are skipped with a message, unless
 * {@code TAKT_OPCUA_PEER_REQUIRED=true} (as in CI), where they fail.
 */
final class NodeOpcuaServer implements AutoCloseable {

  private static final String REQUIRED = "TAKT_OPCUA_PEER_REQUIRED";

  private final Path dir;
  private final Path log;
  private final int port;
  private Process process;

  private NodeOpcuaServer(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    this.log = Path.of("target", "node-opcua-server.log").toAbsolutePath();
  }

  /** Starts the server, or skips (fails, where required) the calling test when it cannot run. */
  static NodeOpcuaServer startOrSkip() throws Exception {
    Path dir = peerDir();
    String missing = missing(dir);
    if (missing != null) {
      String message =
          "node-opcua peer not available ("
              + missing
              + "); install it with: (cd takt-connector-opcua/src/test/node && npm ci)";
      if ("true".equalsIgnoreCase(System.getenv(REQUIRED))) {
        fail(message + " — required because " + REQUIRED + "=true");
      }
      // Surefire counts a class aborted in @BeforeAll as no test at all: say why, plainly.
      System.err.println("[OpcUaConnectorAgainstNodeOpcuaTest skipped] " + message);
      Assumptions.abort(message);
    }
    NodeOpcuaServer server = new NodeOpcuaServer(dir, freePort());
    server.start();
    return server;
  }

  String endpointUrl() {
    return "opc.tcp://127.0.0.1:" + port + "/takt";
  }

  /** The process dies at once, as in a crash or power loss. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      process = null;
    }
  }

  /** A new process on the same port. */
  void start() throws Exception {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                "server.js",
                Integer.toString(port),
                Path.of("target", "node-opcua-pki").toAbsolutePath().toString())
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p = builder.start();
    process = p;
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("node-opcua-stdout")
        .start(
            () -> {
              try (var reader =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  if (line.startsWith("READY")) {
                    ready.complete(null);
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
              ready.completeExceptionally(
                  new IllegalStateException("node-opcua server ended before it was ready"));
            });
    try {
      ready.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      kill();
      throw new IllegalStateException(
          "node-opcua server did not start: see " + log + " — " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }

  private static Path peerDir() {
    String env = System.getenv("TAKT_OPCUA_NODE_PEER_DIR");
    return env != null ? Path.of(env) : Path.of("src", "test", "node").toAbsolutePath();
  }

  private static String missing(Path dir) {
    if (!Files.isRegularFile(dir.resolve("server.js"))) {
      return "no server.js in " + dir;
    }
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("node-opcua"))) {
      return "node_modules/node-opcua missing in " + dir;
    }
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "node --version failed";
      }
    } catch (IOException e) {
      return "no node on PATH";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
