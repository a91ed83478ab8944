package io.keyfob.seedimport;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

/**
 * The users a file names, looked up once each: who they are, and how many more tokens
 * each may get. The user-methods module decides the latter (policy, method limit, who may
 * act on whom); the file's own earlier rows count against the limit.
 */
final class Owners {

	private final Directory directory;

	private final HardwareOathAssignments assignments;

	private final Actor actor;

	private final Map<String, Optional<User>> users = new HashMap<>();

	private final Map<UUID, Integer> room = new HashMap<>();

	private final Map<UUID, String> refusals = new HashMap<>();

	Owners(Directory directory, HardwareOathAssignments assignments, Actor actor) {
		this.directory = directory;
		this.assignments = assignments;
		this.actor = actor;
	}

	/**
	 * Find a user by user principal name or id, ignoring case.
	 * @param name as the file writes it
	 * @return the user, if any
	 */
	Optional<User> find(String name) {
		return this.users.computeIfAbsent(name.strip().toLowerCase(Locale.ROOT),
				(key) -> this.directory.findUser(name.strip()));
	}

	/**
	 * Take one more token for a user, if the user may get it.
	 * @param userId the user
	 * @param name the user as the file names them, for the reason
	 * @return {@code null} if the token may be assigned, else why not
	 */
	@Nullable String claim(UUID userId, String name) {
		if (!this.room.containsKey(userId) && !this.refusals.containsKey(userId)) {
			try {
				this.room.put(userId, this.assignments.room(this.actor, userId));
			}
			catch (KeyfobException ex) {
				this.refusals.put(userId, "cannot assign the token to " + name + ": " + ex.getMessage());
			}
		}
		String refusal = this.refusals.get(userId);
		if (refusal != null) {
			return refusal;
		}
		int left = this.room.get(userId);
		if (left <= 0) {
			return "cannot assign the token to " + name + ": the user would hold more hardware OATH tokens than "
					+ "allowed (counting the earlier rows of this file): unassign one first, or leave this token "
					+ "unassigned";
		}
		this.room.put(userId, left - 1);
		return null;
	}

}
