package dev.takt.identity.web;

import dev.takt.identity.UserView;
import dev.takt.shared.Role;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The create and edit form of a user. Field names are the JSON names of the users API, so that a
 * constraint's field names the input it is about.
 */
public class UserForm {

  private String username;
  private String displayName;
  private String password;
  private Set<Role> roles = new LinkedHashSet<>();
  private Set<String> sites = new LinkedHashSet<>();
  private String badgeNumber;
  private boolean active = true;
  private Long version;

  static UserForm of(UserView user) {
    UserForm form = new UserForm();
    form.username = user.username();
    form.displayName = user.displayName();
    form.roles = new LinkedHashSet<>(user.roles());
    form.sites = new LinkedHashSet<>(user.sites());
    form.badgeNumber = user.badgeNumber();
    form.active = user.active();
    form.version = user.version();
    return form;
  }

  /** An empty input means "none", as a missing JSON field does. */
  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Set<Role> getRoles() {
    return roles;
  }

  public void setRoles(Set<Role> roles) {
    this.roles = roles == null ? new LinkedHashSet<>() : roles;
  }

  public Set<String> getSites() {
    return sites;
  }

  public void setSites(Set<String> sites) {
    this.sites = sites == null ? new LinkedHashSet<>() : sites;
  }

  public String getBadgeNumber() {
    return badgeNumber;
  }

  public void setBadgeNumber(String badgeNumber) {
    this.badgeNumber = badgeNumber;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}
