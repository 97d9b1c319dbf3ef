package dev.takt.identity.web;

/**
 * The small forms of a user's page: a new password, a new PIN, a new API token. Field names are the
 * JSON names of the matching API requests.
 */
final class SecretForms {
  private SecretForms() {}

  /** A password set by an administrator, or changed by its owner (then with the current one). */
  public static class PasswordForm {
    private String currentPassword;
    private String newPassword;

    public String getCurrentPassword() {
      return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
      this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
      return newPassword;
    }

    public void setNewPassword(String newPassword) {
      this.newPassword = newPassword;
    }
  }

  public static class PinForm {
    private String pin;

    public String getPin() {
      return pin;
    }

    public void setPin(String pin) {
      this.pin = pin;
    }
  }

  /** A token's name and, optionally, the day (UTC) it expires at the start of. */
  public static class TokenForm {
    private String name;
    private String expiresAt;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getExpiresAt() {
      return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
      this.expiresAt = expiresAt;
    }
  }
}
