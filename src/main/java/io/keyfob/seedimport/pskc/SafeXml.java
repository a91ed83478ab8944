package io.keyfob.seedimport.pskc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into a DOM with everything that reaches outside the document or
 * multiplies it turned off (OWASP XXE prevention): any DOCTYPE is refused, which rules
 * out external entities and entity expansion bombs alike; XInclude, external DTDs and
 * schemas are off and JAXP secure processing is on. PSKC needs none of these.
 */
final class SafeXml {

	static final String DTD_REFUSED = "This PSKC file declares a DTD/entities, which Keyfob refuses for safety";

	private SafeXml() {
	}

	static Document parse(InputStream in) throws IOException {
		DocumentBuilder builder = newBuilder();
		try {
			return builder.parse(new InputSource(new KeepOpen(in)));
		}
		catch (SAXParseException ex) {
			throw rejection(ex);
		}
		catch (SAXException ex) {
			throw new SeedFileRejected(Problem.MALFORMED, "This PSKC file cannot be parsed: " + ex.getMessage());
		}
	}

	private static DocumentBuilder newBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(new Strict());
			builder.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("external entities are refused");
			});
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("The JDK's XML parser lacks a required safety feature", ex);
		}
	}

	// The parser's messages name the DOCTYPE literally in every language the JDK has.
	private static SeedFileRejected rejection(SAXParseException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("DOCTYPE") || message.contains("disallow-doctype-decl")) {
			return new SeedFileRejected(Problem.UNSAFE_XML, DTD_REFUSED);
		}
		return new SeedFileRejected(Problem.MALFORMED, "This PSKC file is not well-formed XML (line "
				+ ex.getLineNumber() + ", column " + ex.getColumnNumber() + "): " + message);
	}

	/** Fails on every error instead of printing it to the console, the JDK default. */
	private static final class Strict implements ErrorHandler {

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}

	}

	/** The caller owns the stream; the parser would close it. */
	private static final class KeepOpen extends FilterInputStream {

		KeepOpen(InputStream in) {
			super(in);
		}

		@Override
		public void close() {
		}

	}

}
