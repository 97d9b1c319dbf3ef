package dev.takt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * UI text goes through message keys, in English and German: every key a template uses exists, and
 * every English key has its German twin. A second language proves the first is not hard-coded.
 */
class UiTextIsTranslatedTest {

  private static final Path I18N = Paths.get("src/main/resources/i18n");
  private static final Path TEMPLATES = Paths.get("src/main/resources/templates");
  private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");

  @Test
  void everyEnglishKeyHasAGermanTranslation() throws IOException {
    for (Path english : bundles()) {
      Path german =
          english.resolveSibling(
              english.getFileName().toString().replace(".properties", "_de.properties"));
      Set<String> missing = new TreeSet<>(load(english).stringPropertyNames());
      missing.removeAll(load(german).stringPropertyNames());
      assertThat(missing).as("keys of %s without German text", english.getFileName()).isEmpty();
    }
  }

  @Test
  void everyKeyATemplateUsesExists() throws IOException {
    Set<String> known = new HashSet<>();
    for (Path english : bundles()) {
      known.addAll(load(english).stringPropertyNames());
    }
    Set<String> unknown = new TreeSet<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = KEY.matcher(Files.readString(template));
        while (m.find()) {
          // Keys built at run time (#{${...}}) are checked where they are listed, not here.
          if (!known.contains(m.group(1))) {
            unknown.add(TEMPLATES.relativize(template) + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(unknown).as("message keys used by templates but defined nowhere").isEmpty();
  }

  private static List<Path> bundles() throws IOException {
    try (Stream<Path> files = Files.list(I18N)) {
      return files
          .filter(
              p -> p.toString().endsWith(".properties") && !p.toString().endsWith("_de.properties"))
          .toList();
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }
}
