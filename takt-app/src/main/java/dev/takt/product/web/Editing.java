package dev.takt.product.web;

/**
 * What an editor's submit button asks for: {@code save}, {@code add}, or a row action such as
 * {@code remove-2}, {@code up-1}, {@code down-0}. Row actions change the form only; {@code save}
 * writes it.
 */
record Editing(String verb, int row) {

  static Editing of(String action) {
    if (action == null || action.isBlank()) {
      return new Editing("save", -1);
    }
    int dash = action.lastIndexOf('-');
    if (dash > 0) {
      try {
        return new Editing(action.substring(0, dash), Integer.parseInt(action.substring(dash + 1)));
      } catch (NumberFormatException notARow) {
        return new Editing(action, -1);
      }
    }
    return new Editing(action, -1);
  }

  boolean saves() {
    return verb.equals("save");
  }
}
