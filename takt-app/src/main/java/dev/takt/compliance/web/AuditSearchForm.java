package dev.takt.compliance.web;

/**
 * The audit search form. Field names are the query parameters of the audit API; {@code from} and
 * {@code to} are local date-times as the browser's input sends them, read as UTC.
 */
public class AuditSearchForm {

  private String entity;
  private String key;
  private String actor;
  private String from;
  private String to;

  public String getEntity() {
    return entity;
  }

  public void setEntity(String entity) {
    this.entity = entity;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
