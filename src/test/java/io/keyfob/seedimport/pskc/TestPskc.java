package io.keyfob.seedimport.pskc;

import java.nio.charset.StandardCharsets;

import io.keyfob.seedimport.TestSeedFiles;

/**
 * Builds PSKC documents for tests: a valid TOTP key package by default, changed one
 * element at a time, and edits of fixture files.
 */
final class TestPskc {

	/** The RFC seed, base64. */
	static final String RFC_SEED_BASE64 = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=";

	private String deviceInfo = "<DeviceInfo><Manufacturer>Acme</Manufacturer><SerialNo>SN1</SerialNo></DeviceInfo>";

	private String keyAttributes = "Id=\"SN1\" Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:totp\"";

	private String parameters = "<AlgorithmParameters><ResponseFormat Length=\"6\" Encoding=\"DECIMAL\"/>"
			+ "</AlgorithmParameters>";

	private String secret = "<Secret><PlainValue>" + RFC_SEED_BASE64 + "</PlainValue></Secret>";

	private String data = "<TimeInterval><PlainValue>30</PlainValue></TimeInterval>";

	private String afterData = "";

	static TestPskc totp() {
		return new TestPskc();
	}

	static TestPskc hotp() {
		return new TestPskc().keyAttributes("Id=\"SN1\" Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:hotp\"")
			.data("<Counter><PlainValue>0</PlainValue></Counter>");
	}

	TestPskc deviceInfo(String deviceInfo) {
		this.deviceInfo = deviceInfo;
		return this;
	}

	TestPskc keyAttributes(String keyAttributes) {
		this.keyAttributes = keyAttributes;
		return this;
	}

	TestPskc parameters(String parameters) {
		this.parameters = parameters;
		return this;
	}

	TestPskc secret(String secret) {
		this.secret = secret;
		return this;
	}

	TestPskc data(String data) {
		this.data = data;
		return this;
	}

	TestPskc afterData(String afterData) {
		this.afterData = afterData;
		return this;
	}

	String keyPackage() {
		return "<KeyPackage>" + this.deviceInfo + "<Key " + this.keyAttributes + ">" + this.parameters + "<Data>"
				+ this.secret + this.data + "</Data>" + this.afterData + "</Key></KeyPackage>";
	}

	String document() {
		return container(keyPackage());
	}

	static String container(String... keyPackages) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">\n"
				+ String.join("\n", keyPackages) + "\n</KeyContainer>\n";
	}

	static String fixture(String path) {
		return new String(TestSeedFiles.resource(path), StandardCharsets.UTF_8);
	}

	/**
	 * Replaces the text between the {@code n}-th (1-based) occurrence of {@code open} and
	 * the next {@code close}.
	 */
	static String replaceNth(String xml, String open, String close, int n, String replacement) {
		int start = nth(xml, open, n);
		int contentStart = start + open.length();
		int end = xml.indexOf(close, contentStart);
		return xml.substring(0, contentStart) + replacement + xml.substring(end);
	}

	/** Removes the {@code n}-th (1-based) element that starts with {@code open}. */
	static String removeNth(String xml, String open, String close, int n) {
		int start = nth(xml, open, n);
		int end = xml.indexOf(close, start) + close.length();
		return xml.substring(0, start) + xml.substring(end);
	}

	private static int nth(String xml, String text, int n) {
		int index = -1;
		for (int i = 0; i < n; i++) {
			index = xml.indexOf(text, index + 1);
		}
		if (index < 0) {
			throw new IllegalArgumentException("fewer than " + n + " occurrences of " + text);
		}
		return index;
	}

}
