package io.keyfob.seedimport;

import java.util.Objects;

import io.keyfob.authmethod.Actor;

/**
 * Who starts an import, as the module needs to know it: the actor on whose behalf tokens
 * are assigned (the user-methods module checks it may act on each user), and whether the
 * caller may assign tokens at all.
 *
 * @param actor an administrator or an application; a file's assignments go through
 * {@link io.keyfob.authmethod.HardwareOathAssignments#assign} as this actor
 * @param mayAssign whether the caller holds the right to change users' methods (Graph:
 * {@code UserAuthenticationMethod.ReadWrite.All}); without it, a file that names users is
 * refused
 * @param optionNames how the importer's channel names the import's options, for messages
 */
public record Importer(Actor actor, boolean mayAssign, OptionNames optionNames) {

	public Importer {
		Objects.requireNonNull(actor, "actor must not be null");
		Objects.requireNonNull(optionNames, "optionNames must not be null");
	}

	/**
	 * An importer on the HTTP API, whose messages name the API's fields.
	 * @param actor the actor
	 * @param mayAssign whether the caller may assign tokens
	 */
	public Importer(Actor actor, boolean mayAssign) {
		this(actor, mayAssign, OptionNames.API);
	}

}
