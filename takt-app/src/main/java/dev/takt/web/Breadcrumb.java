package dev.takt.web;

/** One step of the breadcrumb trail a page puts in its model as {@code breadcrumbs}. */
public record Breadcrumb(String label, String href) {}
