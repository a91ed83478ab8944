package io.keyfob.audit;

import java.util.Locale;

/**
 * The two logs Graph knows: changes ({@code directoryAudit}) and sign-in or verification
 * attempts ({@code signIn}). Both live in one hash chain.
 */
public enum AuditKind {

	/**
	 * A change: inventory, assignments, activations, policy, directory, roles, imports.
	 */
	DIRECTORY_AUDIT("directoryAudit"),

	/** A sign-in or code verification attempt, successful or not. */
	SIGN_IN("signIn");

	private final String storedName;

	AuditKind(String storedName) {
		this.storedName = storedName;
	}

	/**
	 * The name stored in the database and used in the hash.
	 * @return for example {@code directoryAudit}
	 */
	public String storedName() {
		return this.storedName;
	}

	public static AuditKind fromStoredName(String name) {
		for (AuditKind kind : values()) {
			if (kind.storedName.equals(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown audit kind " + name.toLowerCase(Locale.ROOT));
	}

}
