// The OPC UA benchmark's peer: a node-opcua server (not ours) with <items> Double variables
// ns=1;s=V00001 … under Objects/Bench, each set to the tick number every <periodMs> (10 Hz by
// default), all in one timer. Prints "READY <port>", then once a second "TICK <n> <epochMs>" so the
// benchmark knows which values exist. Binds 127.0.0.1 only.
//
//   NODE_PATH=takt-connector-opcua/src/test/node/node_modules node bench/opcua/server.js <port> <items> [periodMs]
"use strict";

const os = require("os");
const path = require("path");
const { OPCUAServer, OPCUACertificateManager, Variant, DataType, RegisterServerMethod } =
  require("node-opcua");

const port = Number.parseInt(process.argv[2], 10);
const items = Number.parseInt(process.argv[3], 10);
const periodMs = Number.parseInt(process.argv[4] || "100", 10);

async function main() {
  const server = new OPCUAServer({
    port,
    hostname: "127.0.0.1",
    host: "127.0.0.1",
    resourcePath: "/bench",
    allowAnonymous: true,
    maxConnections: 10,
    registerServerMethod: RegisterServerMethod.HIDDEN,
    serverCertificateManager: new OPCUACertificateManager({
      rootFolder: path.join(os.tmpdir(), "takt-opcua-bench-pki"),
      automaticallyAcceptUnknownCertificate: true,
    }),
    serverCapabilities: { maxMonitoredItemsPerCall: 100000 },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  const ns = addressSpace.getOwnNamespace();
  const folder = ns.addObject({ organizedBy: addressSpace.rootFolder.objects, browseName: "Bench" });
  const variables = [];
  for (let i = 1; i <= items; i++) {
    const name = "V" + String(i).padStart(5, "0");
    variables.push(
      ns.addVariable({
        componentOf: folder,
        nodeId: "s=" + name,
        browseName: name,
        dataType: "Double",
        value: new Variant({ dataType: DataType.Double, value: 0 }),
      })
    );
  }
  await server.start();
  console.log("READY " + port);
  let tick = 0;
  setInterval(() => {
    tick++;
    const now = new Date();
    for (const v of variables) {
      v.setValueFromSource(new Variant({ dataType: DataType.Double, value: tick }), undefined, now);
    }
    if (tick % Math.round(1000 / periodMs) === 0) {
      console.log("TICK " + tick + " " + now.getTime());
    }
  }, periodMs);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
