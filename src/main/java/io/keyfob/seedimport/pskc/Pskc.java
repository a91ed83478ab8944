package io.keyfob.seedimport.pskc;

import org.jspecify.annotations.Nullable;

/**
 * The namespace and algorithm URIs of RFC 6030 and the XML security standards it uses.
 * Elements are found by namespace URI, never by prefix: files use the default namespace,
 * {@code pskc:} or anything else.
 */
final class Pskc {

	static final String NS = "urn:ietf:params:xml:ns:keyprov:pskc";

	/** The pre-RFC drafts, with other element names. */
	static final String DRAFT_NS = "urn:ietf:params:xml:ns:keyprov:pskc:1.0";

	static final String DS = "http://www.w3.org/2000/09/xmldsig#";

	static final String XMLDSIG_MORE = "http://www.w3.org/2001/04/xmldsig-more#";

	static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

	static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";

	static final String PBKDF2 = "http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2";

	static final String HOTP = "urn:ietf:params:xml:ns:keyprov:pskc:hotp";

	static final String TOTP = "urn:ietf:params:xml:ns:keyprov:pskc:totp";

	/** The draft spelling of the algorithm URIs, still found in vendor files. */
	static final String DRAFT_HOTP = "urn:ietf:params:xml:ns:keyprov:pskc#hotp";

	static final String DRAFT_TOTP = "urn:ietf:params:xml:ns:keyprov:pskc#totp";

	private Pskc() {
	}

	/**
	 * Maps an XML Signature HMAC URI, as used by {@code MACMethod} and the PBKDF2
	 * {@code PRF}, to its JCA name.
	 * @param uri the algorithm URI
	 * @return such as {@code HmacSHA256}, or {@code null} if the URI is not an HMAC
	 * Keyfob knows
	 */
	static @Nullable String hmacJcaName(String uri) {
		switch (uri) {
			case DS + "hmac-sha1":
				return "HmacSHA1";
			case XMLDSIG_MORE + "hmac-sha224":
				return "HmacSHA224";
			case XMLDSIG_MORE + "hmac-sha256":
				return "HmacSHA256";
			case XMLDSIG_MORE + "hmac-sha384":
				return "HmacSHA384";
			case XMLDSIG_MORE + "hmac-sha512":
				return "HmacSHA512";
			default:
				return null;
		}
	}

}
