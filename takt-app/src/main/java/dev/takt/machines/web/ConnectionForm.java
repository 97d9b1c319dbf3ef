package dev.takt.machines.web;

import dev.takt.machines.internal.ConnectionView;
import dev.takt.machines.internal.Protocol;

/** The connection form: settings as JSON text, the password apart and never shown. */
public class ConnectionForm {

  private String name;
  private String site;
  private Protocol protocol = Protocol.OPCUA;
  private boolean enabled = true;
  private String settings =
      "{\n  \"endpointUrl\": \"opc.tcp://127.0.0.1:4840\",\n" + "  \"monitoredItems\": []\n}";
  private String password;
  private long version;

  static ConnectionForm of(ConnectionView c, String settingsJson) {
    ConnectionForm f = new ConnectionForm();
    f.name = c.name();
    f.site = c.site();
    f.protocol = c.protocol();
    f.enabled = c.enabled();
    f.settings = settingsJson;
    f.version = c.version();
    return f;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSite() {
    return site;
  }

  public void setSite(String site) {
    this.site = site;
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public void setProtocol(Protocol protocol) {
    this.protocol = protocol;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getSettings() {
    return settings;
  }

  public void setSettings(String settings) {
    this.settings = settings;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
