package dev.takt.orders.web;

/** The reason field of the hold and cancel forms; named as in the API request. */
public class ReasonForm {
  private String reason;

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
