package io.keyfob.support;

import java.util.UUID;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.NewUser;

/**
 * Users and groups made directly through the directory module, for tests whose subject is
 * another module.
 */
public final class TestDirectoryObjects {

	private TestDirectoryObjects() {
	}

	/**
	 * A new user who cannot sign in.
	 * @param directory the directory
	 * @param displayName the user's name
	 * @return the user's id
	 */
	public static UUID user(DirectoryAdministration directory, String displayName) {
		String upn = "t-" + UUID.randomUUID().toString().substring(0, 8) + "@keyfob.test";
		return directory.createUser(new NewUser(upn, displayName, true, null)).id();
	}

	/**
	 * A new group.
	 * @param directory the directory
	 * @param members its first members
	 * @return the group's id
	 */
	public static UUID group(DirectoryAdministration directory, UUID... members) {
		UUID group = directory.createGroup("Group " + UUID.randomUUID(), null).id();
		for (UUID member : members) {
			directory.addMember(group, member);
		}
		return group;
	}

}
