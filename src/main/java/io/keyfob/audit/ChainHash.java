package io.keyfob.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * The hash that links an entry to the one before: SHA-256 over a canonical encoding of
 * the entry's position, every stored field, its targets and details, and the previous
 * entry's hash. Each field is written as a 4-byte big-endian length and its UTF-8 bytes
 * (length -1 for {@code null}), so no two different entries encode alike. Changing the
 * encoding breaks verification of existing chains: it is versioned by its first field.
 */
final class ChainHash {

	/** The hash before the first entry, and the anchor of an empty log. */
	static final String GENESIS = "0".repeat(64);

	private static final String VERSION = "keyfob-audit-v1";

	private ChainHash() {
	}

	/**
	 * Compute an entry's hash.
	 * @param previousHash the hash of the entry before, hex
	 * @param sequence the entry's position
	 * @param entry the entry as stored
	 * @return the hash, 64 lowercase hex digits
	 */
	static String of(String previousHash, long sequence, AuditEntry entry) {
		Canonical out = new Canonical();
		out.add(VERSION);
		out.add(Long.toString(sequence));
		out.add(previousHash);
		out.add(entry.id().toString());
		out.add(entry.kind().storedName());
		out.add(entry.activityDateTime().toString());
		out.add(entry.category());
		out.add(entry.activity());
		out.add(entry.operationType());
		out.add(entry.result().graphName());
		out.add(entry.resultReason());
		out.add(Integer.toString(entry.errorCode()));
		out.add(entry.correlationId());
		out.add(entry.loggedByService());
		out.add(entry.initiatedBy().type().storedName());
		out.add(entry.initiatedBy().id());
		out.add(entry.initiatedBy().name());
		out.add(entry.appId());
		out.add(entry.ipAddress());
		out.add((entry.userId() != null) ? entry.userId().toString() : null);
		out.add(entry.userPrincipalName());
		out.add(entry.authenticationMethod());
		out.add(Integer.toString(entry.targets().size()));
		for (AuditTarget target : entry.targets()) {
			out.add(target.id());
			out.add(target.type());
			out.add(target.displayName());
		}
		out.add(Integer.toString(entry.details().size()));
		for (AuditDetail detail : entry.details()) {
			out.add(detail.key());
			out.add(detail.value());
		}
		return HexFormat.of().formatHex(sha256().digest(out.bytes()));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new AssertionError("SHA-256 is required of every Java platform", ex);
		}
	}

	private static final class Canonical {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);

		void add(@Nullable String value) {
			if (value == null) {
				writeLength(-1);
				return;
			}
			byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
			writeLength(utf8.length);
			this.bytes.writeBytes(utf8);
		}

		private void writeLength(int length) {
			this.bytes.write(length >>> 24);
			this.bytes.write(length >>> 16);
			this.bytes.write(length >>> 8);
			this.bytes.write(length);
		}

		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

}
