package dev.takt.machines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takt.shared.Role;
import dev.takt.testing.Api;
import dev.takt.testing.PlantFixture;
import dev.takt.testing.TaktIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@TaktIntegrationTest
class ConnectionsIT {

  private static final String CONNECTIONS = "/api/v1/connections";
  private static final String SECRET = "pl4nt-s3cret-never-shown";

  @Autowired Api api;
  String site;

  @BeforeEach
  void aSite() {
    site = "M" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    new PlantFixture(api).aSite(site);
  }

  private Map<String, Object> opcUa(String name, Map<String, Object> settings) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("site", site);
    body.put("protocol", "OPCUA");
    body.put("enabled", false);
    body.put("settings", settings);
    return body;
  }

  private static Map<String, Object> plc() {
    return Map.of(
        "endpointUrl",
        "opc.tcp://127.0.0.1:4999/plc",
        "monitoredItems",
        List.of(Map.of("nodeId", "ns=2;s=Mill.Speed", "source", "MILL", "deadband", 0.5)));
  }

  private static String name() {
    return "plc-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void createsReadsChangesAndDeletesAConnectionAuditingEachChange() {
    // given
    String name = name();

    // when
    JsonNode created = api.asAdmin().post(CONNECTIONS, opcUa(name, plc())).expect(201).json();
    String id = created.path("id").asString();
    Map<String, Object> changed = opcUa(name, Map.of("endpointUrl", "opc.tcp://10.0.0.7:4840"));
    changed.put("version", 0);
    JsonNode updated = api.asAdmin().put(CONNECTIONS + "/" + id, changed).expect(200).json();
    JsonNode listed = api.asAdmin().get(CONNECTIONS + "?site=" + site).expect(200).json();
    api.asAdmin().delete(CONNECTIONS + "/" + id).expect(204);

    // then
    assertThat(created.path("protocol").asString()).isEqualTo("OPCUA");
    assertThat(created.path("settings").path("monitoredItems").get(0).path("nodeId").asString())
        .isEqualTo("ns=2;s=Mill.Speed");
    assertThat(updated.path("version").asLong()).isEqualTo(1);
    assertThat(updated.path("settings").path("endpointUrl").asString())
        .isEqualTo("opc.tcp://10.0.0.7:4840");
    assertThat(listed.size()).isEqualTo(1);
    api.asAdmin().get(CONNECTIONS + "/" + id).expect(404);
    assertThat(
            api.asAdmin()
                .get("/api/v1/audit?entity=MachineConnection&key=" + name + "&limit=100")
                .expect(200)
                .json()
                .path("items")
                .size())
        .isEqualTo(3);
  }

  @Test
  void passwordsAreWriteOnlyNeverReturnedNorAuditedAndKeptWhenLeftOut() {
    // given
    Map<String, Object> settings = new HashMap<>(plc());
    settings.put(
        "authentication", Map.of("type", "username", "username", "takt", "password", SECRET));
    String name = name();

    // when
    Api.Response created = api.asAdmin().post(CONNECTIONS, opcUa(name, settings)).expect(201);
    String id = created.json().path("id").asString();
    Map<String, Object> withoutPassword = new HashMap<>(plc());
    withoutPassword.put("authentication", Map.of("type", "username", "username", "takt2"));
    Map<String, Object> change = opcUa(name, withoutPassword);
    change.put("version", 0);
    Api.Response updated = api.asAdmin().put(CONNECTIONS + "/" + id, change).expect(200);

    // then
    assertThat(created.body()).doesNotContain(SECRET);
    assertThat(created.json().path("secrets").get(0).asString())
        .isEqualTo("/authentication/password");
    assertThat(api.asAdmin().get(CONNECTIONS + "/" + id).expect(200).body()).doesNotContain(SECRET);
    assertThat(api.asAdmin().get(CONNECTIONS).expect(200).body()).doesNotContain(SECRET);
    assertThat(updated.body()).doesNotContain(SECRET);
    assertThat(updated.json().path("secrets").size()).isEqualTo(1);
    assertThat(
            api.asAdmin()
                .get("/api/v1/audit?entity=MachineConnection&key=" + name + "&limit=100")
                .expect(200)
                .body())
        .doesNotContain(SECRET);
  }

  @Test
  void refusesSettingsTheAdapterCouldNotRunNamingTheSetting() {
    Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
    bad.put(Map.of("endpointUrl", "http://plc:4840"), "settings.endpointUrl");
    bad.put(
        Map.of("endpointUrl", "opc.tcp://plc:4840", "securityPolicy", "ROT13"),
        "settings.securityPolicy");
    bad.put(
        Map.of("endpointUrl", "opc.tcp://plc:4840", "securityPolicy", "BASIC256SHA256"),
        "settings");
    bad.put(Map.of("endpointUrl", "opc.tcp://plc:4840", "sampling", 5), "settings.sampling");
    bad.put(
        Map.of("endpointUrl", "opc.tcp://plc:4840", "monitoredItems", "ns=2;s=x"),
        "settings.monitoredItems");
    bad.put(
        Map.of(
            "endpointUrl",
            "opc.tcp://plc:4840",
            "monitoredItems",
            List.of(Map.of("nodeId", "ns=2;s=x", "source", "M", "deadband", -1))),
        "settings.monitoredItems[0].deadband");
    bad.put(
        Map.of(
            "endpointUrl",
            "opc.tcp://plc:4840",
            "monitoredItems",
            List.of(Map.of("nodeId", "ns=2;s=x", "source", "M", "queueSize", 0))),
        "settings.monitoredItems[0].queueSize");
    bad.put(
        Map.of("endpointUrl", "opc.tcp://plc:4840", "monitoredItems", List.of(Map.of("nodeId", 7))),
        "settings.monitoredItems[0].nodeId");
    bad.put(
        Map.of("endpointUrl", "opc.tcp://plc:4840", "authentication", Map.of("type", "kerberos")),
        "settings.authentication.type");
    bad.forEach(
        (settings, field) ->
            assertThat(
                    api.asAdmin()
                        .post(CONNECTIONS, opcUa(name(), settings))
                        .expect(400)
                        .faultyFields())
                .as("settings %s", settings)
                .contains(field));

    Map<String, Object> mtconnect = opcUa(name(), Map.of("agentUrl", "ftp://agent"));
    mtconnect.put("protocol", "MTCONNECT");
    assertThat(api.asAdmin().post(CONNECTIONS, mtconnect).expect(400).faultyFields())
        .contains("settings.agentUrl");
    Map<String, Object> mqtt = opcUa(name(), Map.of("brokerUrl", "tcp://broker:1883"));
    mqtt.put("protocol", "MQTT");
    assertThat(api.asAdmin().post(CONNECTIONS, mqtt).expect(400).faultyFields())
        .contains("settings.mode");
    mqtt.put(
        "settings",
        Map.of("brokerUrl", "tcp://broker:1883", "mode", "sparkplug", "receiveMaximum", 99));
    assertThat(api.asAdmin().post(CONNECTIONS, mqtt).expect(400).faultyFields())
        .contains("settings.receiveMaximum");
    mqtt.put(
        "settings",
        Map.of(
            "brokerUrl",
            "tcp://broker:1883",
            "mode",
            "json",
            "topics",
            List.of(Map.of("filter", "plant/#/x", "fields", Map.of("/a", "a")))));
    assertThat(api.asAdmin().post(CONNECTIONS, mqtt).expect(400).faultyFields())
        .contains("settings.topics[0]");
  }

  @Test
  void acceptsEachProtocolsSettings() {
    Map<String, Object> mtconnect =
        opcUa(name(), Map.of("agentUrl", "http://127.0.0.1:5999", "device", "Mazak"));
    mtconnect.put("protocol", "MTCONNECT");
    api.asAdmin().post(CONNECTIONS, mtconnect).expect(201);
    Map<String, Object> mqtt =
        opcUa(
            name(),
            Map.of(
                "brokerUrl",
                "tcp://127.0.0.1:1999",
                "mode",
                "json",
                "sharedSubscriptionGroup",
                "takt",
                "topics",
                List.of(
                    Map.of(
                        "filter",
                        "plant/+/telemetry",
                        "sourceLevel",
                        1,
                        "fields",
                        Map.of("/spindle/speed", "spindleSpeed"),
                        "timestamp",
                        "/ts"))));
    mqtt.put("protocol", "MQTT");
    api.asAdmin().post(CONNECTIONS, mqtt).expect(201);
    Map<String, Object> sparkplug =
        opcUa(
            name(),
            Map.of(
                "brokerUrl",
                "tcp://127.0.0.1:1999",
                "mode",
                "sparkplug",
                "groups",
                List.of("+"),
                "password",
                SECRET,
                "username",
                "takt"));
    sparkplug.put("protocol", "MQTT");
    Api.Response created = api.asAdmin().post(CONNECTIONS, sparkplug).expect(201);
    assertThat(created.body()).doesNotContain(SECRET);
  }

  @Test
  void refusesHostileAndMalformedRequestsWithoutHarm() {
    assertThat(
            api.asAdmin()
                .post(CONNECTIONS, opcUa("<script>alert(1)</script>", plc()))
                .expect(400)
                .faultyFields())
        .contains("name");
    assertThat(
            api.asAdmin()
                .post(CONNECTIONS, opcUa("x'; DROP TABLE machines_connection;--", plc()))
                .expect(400)
                .faultyFields())
        .contains("name");
    api.asAdmin().post(CONNECTIONS, "{\"name\": ").expect(400);
    api.asAdmin().post(CONNECTIONS, "[]").expect(400);
    Map<String, Object> noSettings = opcUa(name(), plc());
    noSettings.remove("settings");
    assertThat(api.asAdmin().post(CONNECTIONS, noSettings).expect(400).faultyFields())
        .contains("settings");
    Map<String, Object> wrongProtocol = opcUa(name(), plc());
    wrongProtocol.put("protocol", "MODBUS");
    api.asAdmin().post(CONNECTIONS, wrongProtocol).expect(400);
    Map<String, Object> unknownSite = opcUa(name(), plc());
    unknownSite.put("site", "NOWHERE");
    assertThat(api.asAdmin().post(CONNECTIONS, unknownSite).expect(400).faultyFields())
        .contains("site");
    String huge = "ns=2;s=" + "x".repeat(600);
    assertThat(
            api.asAdmin()
                .post(
                    CONNECTIONS,
                    opcUa(
                        name(),
                        Map.of(
                            "endpointUrl",
                            "opc.tcp://plc:1",
                            "monitoredItems",
                            List.of(Map.of("nodeId", huge, "source", "M")))))
                .expect(400)
                .faultyFields())
        .contains("settings.monitoredItems[0].nodeId");
    api.asAdmin().get(CONNECTIONS + "/not-a-uuid").expect(400);
    api.asAdmin().get(CONNECTIONS + "/" + UUID.randomUUID()).expect(404);
    assertThat(api.asAdmin().get(CONNECTIONS + "?site=" + site).expect(200).json().size()).isZero();
  }

  @Test
  void refusesDuplicateNamesAndStaleVersions() {
    String name = name();
    String id =
        api.asAdmin()
            .post(CONNECTIONS, opcUa(name, plc()))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin().post(CONNECTIONS, opcUa(name, plc())).expect(409);
    Map<String, Object> stale = opcUa(name, plc());
    stale.put("version", 7);
    api.asAdmin().put(CONNECTIONS + "/" + id, stale).expect(409);
    Map<String, Object> otherProtocol = opcUa(name, Map.of("agentUrl", "http://a:5000"));
    otherProtocol.put("protocol", "MTCONNECT");
    otherProtocol.put("version", 0);
    assertThat(api.asAdmin().put(CONNECTIONS + "/" + id, otherProtocol).expect(400).faultyFields())
        .contains("protocol");
  }

  @Test
  void tellsTheStatusAndRefusesToBrowseWhatHasNoAddressSpace() {
    Map<String, Object> mtconnect = opcUa(name(), Map.of("agentUrl", "http://127.0.0.1:5999"));
    mtconnect.put("protocol", "MTCONNECT");
    String id = api.asAdmin().post(CONNECTIONS, mtconnect).expect(201).json().path("id").asString();
    JsonNode status = api.asAdmin().get(CONNECTIONS + "/" + id + "/status").expect(200).json();
    assertThat(status.path("placement").asString()).isEqualTo("DISABLED");
    Api.Response browse = api.asAdmin().get(CONNECTIONS + "/" + id + "/browse").expect(409);
    assertThat(browse.contentType()).contains("application/problem+json");

    String opc =
        api.asAdmin()
            .post(CONNECTIONS, opcUa(name(), plc()))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.asAdmin().get(CONNECTIONS + "/" + opc + "/browse?node=ns=2;s=Mill").expect(409);
  }

  @Test
  void plantItKeepsConnectionsOfficeRolesReadThemOthersNot() {
    String id =
        api.asAdmin()
            .post(CONNECTIONS, opcUa(name(), plc()))
            .expect(201)
            .json()
            .path("id")
            .asString();
    api.anonymous().get(CONNECTIONS).expect(401);
    api.anonymous().post(CONNECTIONS, opcUa(name(), plc())).expect(401);
    Api.Caller operator = api.as(api.aUserWith(Role.OPERATOR, site));
    operator.get(CONNECTIONS).expect(403);
    Api.Caller planner = api.as(api.aUserWith(Role.PLANNER, site));
    planner.get(CONNECTIONS + "/" + id).expect(200);
    planner.post(CONNECTIONS, opcUa(name(), plc())).expect(403);
    planner.delete(CONNECTIONS + "/" + id).expect(403);
    Api.Caller integration = api.as(api.aUserWith(Role.INTEGRATION, site));
    integration.post(CONNECTIONS, opcUa(name(), plc())).expect(201);
    new PlantFixture(api).aSite("OTHER");
    Api.Caller elsewhere = api.as(api.aUserWith(Role.INTEGRATION, "OTHER"));
    elsewhere.get(CONNECTIONS + "/" + id).expect(403);
    assertThat(elsewhere.get(CONNECTIONS).expect(200).json().size()).isZero();
    elsewhere.post(CONNECTIONS, opcUa(name(), plc())).expect(403);
  }

  @Test
  void refusesMachineMappingsThatDoNotHoldTogether() {
    // given
    PlantFixture plant = new PlantFixture(api);
    plant.aWorkCenter(site, "MILL", true);
    api.asAdmin()
        .post(
            "/api/v1/work-units",
            Map.of("site", site, "workCenter", "MILL", "code", "M1", "name", "Mill 1"))
        .expect(201);
    String name = name();
    api.asAdmin().post(CONNECTIONS, opcUa(name, plc())).expect(201);
    String path = "/api/v1/work-units/" + site + "/M1/machine-mapping";
    Map<String, Object> good =
        Map.of(
            "connection",
            name,
            "source",
            "MILL",
            "signals",
            Map.of("speed", "ns=2;s=Mill.Speed", "alarm", "ns=2;s=Mill.Alarm"),
            "state",
            Map.of("rules", List.of(Map.of("when", "speed > 0 and not alarm", "then", "RUNNING"))));

    // when / then
    JsonNode stored = api.asAdmin().put(path, good).expect(200).json();
    assertThat(stored.path("version").asLong()).isZero();
    assertThat(
            api.asAdmin().get(path).expect(200).json().path("definition").path("source").asString())
        .isEqualTo("MILL");
    assertThat(
            api.asAdmin()
                .get("/api/v1/work-units/" + site + "/M1/machine-state")
                .expect(200)
                .json()
                .path("state")
                .asString())
        .isEqualTo("OFFLINE");

    Map<Map<String, Object>, String> bad = new java.util.LinkedHashMap<>();
    bad.put(with(good, "connection", "nope"), "connection");
    bad.put(with(good, "signals", Map.of("9lives", "x")), "signals.9lives");
    bad.put(
        with(
            good,
            "state",
            Map.of("rules", List.of(Map.of("when", "speed >> 1", "then", "RUNNING")))),
        "state.rules[0].when");
    bad.put(
        with(
            good,
            "state",
            Map.of("rules", List.of(Map.of("when", "pressure > 1", "then", "RUNNING")))),
        "state.rules[0].when");
    bad.put(
        with(
            good,
            "state",
            Map.of("rules", List.of(Map.of("when", "speed > 1", "then", "OFFLINE")))),
        "state.rules[0].then");
    bad.put(
        with(good, "state", Map.of("signal", "speed", "values", Map.of("1", "FLYING"))),
        "state.values.1");
    bad.put(with(good, "partCounter", Map.of("signal", "speed", "max", -5)), "partCounter.max");
    bad.put(
        with(good, "scrapCounter", Map.of("signal", "speed", "reason", "NO-SUCH")),
        "scrapCounter.reason");
    bad.put(with(good, "processValues", List.of("pressure")), "processValues[0]");
    bad.put(with(good, "colour", "red"), "colour");
    bad.forEach(
        (mapping, field) ->
            assertThat(api.asAdmin().put(path, mapping).expect(400).faultyFields())
                .as("mapping %s", mapping)
                .contains(field));
    api.asAdmin().put(path, "{").expect(400);
    api.asAdmin().put(path, "[1, 2]").expect(400);
    api.asAdmin().put("/api/v1/work-units/" + site + "/NOPE/machine-mapping", good).expect(404);
    api.asAdmin().header("If-Match", "\"7\"").put(path, good).expect(409);
    api.as(api.aUserWith(Role.PLANNER, site)).put(path, good).expect(403);
    api.anonymous().get(path).expect(401);

    // a mapped connection cannot be deleted, the mapping can
    String id =
        api.asAdmin()
            .get(CONNECTIONS + "?site=" + site)
            .expect(200)
            .json()
            .get(0)
            .path("id")
            .asString();
    api.asAdmin().delete(CONNECTIONS + "/" + id).expect(409);
    api.asAdmin().delete(path).expect(204);
    api.asAdmin().get(path).expect(404);
    api.asAdmin().delete(CONNECTIONS + "/" + id).expect(204);
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
