package io.keyfob.seedimport;

import java.util.Locale;
import java.util.UUID;

import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenValidity;
import org.jspecify.annotations.Nullable;

/**
 * One token of a file on its way into the inventory: the command that creates it (which
 * holds the secret until it is sealed), the user the file names, and what the checks
 * decided to do with it.
 */
final class ImportCandidate {

	/** What an import does with a token. */
	enum Action {

		/** Put it into the inventory. */
		CREATE,

		/** Overwrite the unassigned token with its serial number (replace). */
		REPLACE,

		/** The token is already there as the file says; only assign it. */
		ASSIGN,

		/** The token is already there as the file says; nothing to do. */
		UNCHANGED,

		/** Not imported. */
		REJECTED

	}

	private final Location location;

	private final NewHardwareOathToken command;

	private final @Nullable String owner;

	private @Nullable UUID ownerId;

	private @Nullable HardwareOathToken existing;

	private Action action = Action.CREATE;

	private @Nullable TokenValidity newValidity;

	private boolean stored;

	ImportCandidate(Location location, NewHardwareOathToken command, @Nullable String owner) {
		this.location = location;
		this.command = command;
		this.owner = owner;
	}

	Location location() {
		return this.location;
	}

	String serialNumber() {
		String serialNumber = this.command.serialNumber();
		return (serialNumber != null) ? serialNumber.strip() : "";
	}

	/**
	 * The serial number as serial numbers are compared: trimmed, lower case.
	 */
	String serialKey() {
		return serialNumber().toLowerCase(Locale.ROOT);
	}

	NewHardwareOathToken command() {
		return this.command;
	}

	/**
	 * The user the file names, as written, or {@code null}.
	 */
	@Nullable String owner() {
		return this.owner;
	}

	@Nullable UUID ownerId() {
		return this.ownerId;
	}

	void ownedBy(UUID userId) {
		this.ownerId = userId;
	}

	@Nullable HardwareOathToken existing() {
		return this.existing;
	}

	Action action() {
		return this.action;
	}

	void decide(Action action, @Nullable HardwareOathToken existing) {
		this.action = action;
		this.existing = existing;
	}

	/**
	 * The validity a token already in the inventory takes from the file, or {@code null}
	 * if it keeps its own.
	 */
	@Nullable TokenValidity newValidity() {
		return (this.action == Action.UNCHANGED || this.action == Action.ASSIGN) ? this.newValidity : null;
	}

	void changeValidity(TokenValidity validity) {
		this.newValidity = validity;
	}

	boolean rejected() {
		return this.action == Action.REJECTED;
	}

	/**
	 * Whether storing this token assigns it to a user.
	 */
	boolean assigns() {
		return this.ownerId != null
				&& (this.action == Action.CREATE || this.action == Action.REPLACE || this.action == Action.ASSIGN);
	}

	/**
	 * Whether storing this token writes anything.
	 */
	boolean writes() {
		return this.action == Action.CREATE || this.action == Action.REPLACE || this.action == Action.ASSIGN
				|| newValidity() != null;
	}

	boolean stored() {
		return this.stored;
	}

	void markStored(boolean stored) {
		this.stored = stored;
	}

	/**
	 * Overwrites the secret; safe to call more than once.
	 */
	void destroySecret() {
		this.command.secret().destroy();
	}

	@Override
	public String toString() {
		return "ImportCandidate[" + this.location + ", serialNumber=" + serialNumber() + ", action=" + this.action
				+ "]";
	}

}
