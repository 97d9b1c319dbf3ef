package dev.takt.machines;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes the database unreachable on demand, as a test cannot stop the embedded H2 or the shared
 * PostgreSQL server: the application's DataSource is wrapped, and while {@link #begin()} is in
 * force every request for a connection fails as a refused network connection would. Connections
 * already handed out are not cut; the application takes one per transaction, so its next
 * transaction fails.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseOutage {

  private static volatile boolean down;

  public static void begin() {
    down = true;
  }

  public static void end() {
    down = false;
  }

  @Bean
  static BeanPostProcessor databaseOutageWrapper() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource ds && !(bean instanceof Switchable)
            ? new Switchable(ds)
            : bean;
      }
    };
  }

  /** A DataSource that refuses connections while the outage lasts. */
  static final class Switchable implements DataSource, Closeable {
    private final DataSource target;

    Switchable(DataSource target) {
      this.target = target;
    }

    private void check() throws SQLException {
      if (down) {
        throw new SQLException("Connection refused (test outage)", "08001");
      }
    }

    @Override
    public Connection getConnection() throws SQLException {
      check();
      return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      check();
      return target.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return iface.isInstance(this) || target.isWrapperFor(iface);
    }

    @Override
    public void close() throws IOException {
      if (target instanceof Closeable c) {
        c.close();
      }
    }
  }
}
