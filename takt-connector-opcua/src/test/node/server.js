// A small OPC UA server built on node-opcua: the peer that is not ours for the OPC UA connector's
// tests (OpcUaConnectorAgainstNodeOpcuaTest). It binds 127.0.0.1 only.
//
//   node server.js <port> [pki-folder]
//
// Exposes, under Objects/Machine (namespace 1, string node ids):
//   Machine.Counter   UInt32, +1 every 100 ms (a part counter)
//   Machine.Speed     Double, changes every 100 ms (a spindle speed)
//   Machine.Program   String, changes every second (a program name)
//   Machine.Running   Boolean, toggles every second
//   Machine.Broken    Double that is NaN, then +Infinity, then a number, every 100 ms
//   Machine.Matrix    a ByteString (a type the connector does not take)
//   Machine.Huge      a String of 10,000 characters (longer than any signal text)
// and prints "READY <port>" on stdout once it listens.
"use strict";

const os = require("os");
const path = require("path");
const {
  OPCUAServer,
  OPCUACertificateManager,
  Variant,
  DataType,
  StatusCodes,
  RegisterServerMethod,
} = require("node-opcua");

const port = Number.parseInt(process.argv[2], 10);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node server.js <port> [pki-folder]");
  process.exit(2);
}
const pkiFolder = process.argv[3] || path.join(os.tmpdir(), "takt-opcua-test-peer-pki");

async function main() {
  const serverCertificateManager = new OPCUACertificateManager({
    rootFolder: pkiFolder,
    automaticallyAcceptUnknownCertificate: true,
  });
  const server = new OPCUAServer({
    port,
    hostname: "127.0.0.1",
    host: "127.0.0.1",
    resourcePath: "/takt",
    allowAnonymous: true,
    registerServerMethod: RegisterServerMethod.HIDDEN,
    serverCertificateManager,
    buildInfo: { productName: "takt-opcua-test-peer", buildNumber: "1" },
  });
  await server.initialize();

  const addressSpace = server.engine.addressSpace;
  const ns = addressSpace.getOwnNamespace();
  const machine = ns.addObject({
    organizedBy: addressSpace.rootFolder.objects,
    nodeId: "s=Machine",
    browseName: "Machine",
  });

  function variable(name, dataType, value) {
    return ns.addVariable({
      componentOf: machine,
      nodeId: "s=Machine." + name,
      browseName: name,
      dataType,
      value: { dataType, value },
    });
  }

  const counter = variable("Counter", DataType.UInt32, 0);
  const speed = variable("Speed", DataType.Double, 1200.0);
  const program = variable("Program", DataType.String, "O1000");
  const running = variable("Running", DataType.Boolean, true);
  const broken = variable("Broken", DataType.Double, 0.0);
  variable("Matrix", DataType.ByteString, Buffer.from([1, 2, 3]));
  variable("Huge", DataType.String, "x".repeat(10000));

  let ticks = 0;
  const brokenValues = [Number.NaN, Number.POSITIVE_INFINITY, 42.0];
  setInterval(() => {
    ticks++;
    const set = (node, dataType, value) =>
      node.setValueFromSource(new Variant({ dataType, value }), StatusCodes.Good);
    set(counter, DataType.UInt32, ticks);
    set(speed, DataType.Double, 1200.0 + (ticks % 50));
    set(broken, DataType.Double, brokenValues[ticks % brokenValues.length]);
    if (ticks % 10 === 0) {
      set(program, DataType.String, "O" + (1000 + ticks / 10));
      set(running, DataType.Boolean, (ticks / 10) % 2 === 0);
    }
  }, 100);

  await server.start();
  console.log("READY " + port);

  const stop = async () => {
    await server.shutdown(0);
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
