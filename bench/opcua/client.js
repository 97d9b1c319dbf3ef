// The OPC UA benchmark's client-only peer: a node-opcua client subscribing to the same variables
// with the same sampling and publishing intervals as Takt's connection, counting the distinct
// (variable, tick) values it receives in a window. Prints "PEER changes=<n> seconds=<s> first=<tick>".
//
//   NODE_PATH=… node bench/opcua/client.js <port> <items> <periodMs> <seconds> [queueSize]
"use strict";
const { OPCUAClient, AttributeIds, TimestampsToReturn, ClientMonitoredItemGroup } = require("node-opcua");

const [port, items, periodMs, seconds] = process.argv.slice(2).map((a) => Number.parseInt(a, 10));

async function main() {
  const client = OPCUAClient.create({ endpointMustExist: false });
  await client.connect(`opc.tcp://127.0.0.1:${port}/bench`);
  const session = await client.createSession();
  const subscription = await session.createSubscription2({
    requestedPublishingInterval: periodMs,
    requestedMaxKeepAliveCount: 20,
    requestedLifetimeCount: 600,
    maxNotificationsPerPublish: 0,
    publishingEnabled: true,
  });
  const seen = new Set();
  let counting = false;
  const nodes = [];
  for (let i = 1; i <= items; i++) {
    nodes.push({ nodeId: "ns=1;s=V" + String(i).padStart(5, "0"), attributeId: AttributeIds.Value });
  }
  const group = ClientMonitoredItemGroup.create(
    subscription,
    nodes,
    { samplingInterval: periodMs, discardOldest: true, queueSize: Number.parseInt(process.argv[6] || "10", 10) },
    TimestampsToReturn.Both
  );
  group.on("changed", (item, value) => {
    if (counting) {
      seen.add(item.itemToMonitor.nodeId.value + ":" + value.value.value);
    }
  });
  await new Promise((r) => setTimeout(r, 10000));
  counting = true;
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  counting = false;
  console.log(`PEER changes=${seen.size} seconds=${(Date.now() - t0) / 1000} per_s=${Math.round(seen.size / ((Date.now() - t0) / 1000))}`);
  await session.close();
  await client.disconnect();
  process.exit(0);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
