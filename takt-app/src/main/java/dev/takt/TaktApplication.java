package dev.takt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** The Takt MES server: one jar, every business module a package below this one. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class TaktApplication {

  public static void main(String[] args) {
    SpringApplication.run(TaktApplication.class, args);
  }
}
