package dev.takt.connector.mtconnect;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * Validates documents against the MTConnect XSDs of the test data (the XSD 1.0 variants, {@code
 * *_1.0.xsd}: the JDK does not compile the XSD 1.1 ones). Secure factory: the schemas may import
 * their neighbours from the file system, documents may fetch nothing.
 */
final class MtConnectSchemas {

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private MtConnectSchemas() {}

  /** Throws {@link SAXException} naming line and problem when {@code xml} is not valid. */
  static void validate(String xml, String schemaFile) throws SAXException, IOException {
    Validator validator = schema(schemaFile).newValidator();
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static Schema schema(String file) {
    return SCHEMAS.computeIfAbsent(
        file,
        f -> {
          try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            Path xsd = TestData.schema(f);
            return factory.newSchema(xsd.toFile());
          } catch (SAXException e) {
            throw new IllegalStateException("schema " + f + " does not compile", e);
          }
        });
  }
}
