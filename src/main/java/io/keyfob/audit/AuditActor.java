package io.keyfob.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who did something: a signed-in user, or an application acting on its own (a client with
 * application permissions, or Keyfob itself for scheduled work and the command line).
 *
 * @param type user or app
 * @param id the user's id, or the application's client id
 * @param name the user's principal name, or the application's display name
 */
public record AuditActor(Type type, @Nullable String id, @Nullable String name) {

	/** Keyfob itself: start-up, scheduled jobs and commands run on the server. */
	public static final AuditActor KEYFOB = new AuditActor(Type.APP, "keyfob", "Keyfob");

	public static AuditActor user(@Nullable String id, @Nullable String userPrincipalName) {
		return new AuditActor(Type.USER, id, userPrincipalName);
	}

	public static AuditActor app(@Nullable String clientId, @Nullable String displayName) {
		return new AuditActor(Type.APP, clientId, displayName);
	}

	/**
	 * The two kinds of initiator Graph distinguishes in {@code initiatedBy}.
	 */
	public enum Type {

		USER("user"), APP("app");

		private final String storedName;

		Type(String storedName) {
			this.storedName = storedName;
		}

		public String storedName() {
			return this.storedName;
		}

		public static Type fromStoredName(String name) {
			return "user".equals(name) ? USER : APP;
		}

	}

}
