package io.keyfob.directory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryEvents.GroupMemberAdded;
import io.keyfob.directory.DirectoryEvents.RoleAssigned;
import io.keyfob.directory.DirectoryEvents.UserCreated;
import io.keyfob.directory.DirectoryEvents.UserDeleted;
import io.keyfob.directory.DirectoryEvents.UserUpdated;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory's module API as other modules call it, and the events it publishes.
 */
// a server it does not call, like the other application tests, so that all share one
// start
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class DirectoryIntegrationTests {

	@Autowired
	Directory directory;

	@Autowired
	DirectoryAdministration administration;

	@Autowired
	ApplicationEvents events;

	@Test
	void checkPasswordWhenRightWrongUnknownOrDisabledThenOnlyRightAndEnabledAccepted() {
		User user = this.administration.createUser(new NewUser(unique(), "Pat", true, "Pat-password-1"));
		assertThat(this.directory.checkPassword(user.userPrincipalName().toUpperCase(java.util.Locale.ROOT),
				"Pat-password-1"))
			.isEqualTo(new PasswordCheck.Accepted(user));
		assertThat(this.directory.checkPassword(user.userPrincipalName(), "wrong-password"))
			.isInstanceOf(PasswordCheck.Rejected.class);
		assertThat(this.directory.checkPassword(unique(), "Pat-password-1")).isInstanceOf(PasswordCheck.Rejected.class);
		User noPassword = this.administration.createUser(new NewUser(unique(), "No password", true, null));
		assertThat(this.directory.checkPassword(noPassword.userPrincipalName(), ""))
			.isInstanceOf(PasswordCheck.Rejected.class);
		this.administration.updateUser(user.id(), new UserChanges(null, null, false, null));
		assertThat(this.directory.checkPassword(user.userPrincipalName(), "Pat-password-1"))
			.isInstanceOf(PasswordCheck.Rejected.class);
	}

	@Test
	void isMemberOfAnyWhenInOneOfTheGroupsThenTrue() {
		User user = this.administration.createUser(new NewUser(unique(), "Member", true, null));
		Group in = this.administration.createGroup("In", null);
		Group out = this.administration.createGroup("Out", "not this one");
		this.administration.addMember(in.id(), user.id());
		assertThat(this.directory.isMemberOfAny(user.id(), List.of(out.id(), in.id()))).isTrue();
		assertThat(this.directory.isMemberOfAny(user.id(), List.of(out.id()))).isFalse();
		assertThat(this.directory.isMemberOfAny(user.id(), List.of())).isFalse();
		assertThat(this.events.stream(GroupMemberAdded.class)).contains(new GroupMemberAdded(in.id(), user.id()));
	}

	@Test
	void rolesWhenAssignedThenHeldAndAdminRoleKnown() {
		User user = this.administration.createUser(new NewUser(unique(), "Admin", true, null));
		assertThat(this.directory.holdsAdminRole(user.id())).isFalse();
		RoleAssignment assignment = this.administration.assignRole(user.id(),
				DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		assertThat(this.directory.rolesOf(user.id())).containsExactly(DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		assertThat(this.directory.holdsAdminRole(user.id())).isTrue();
		assertThat(this.events.stream(RoleAssigned.class))
			.contains(new RoleAssigned(assignment.id(), user.id(), DirectoryRole.AUTHENTICATION_ADMINISTRATOR));
		this.administration.removeRoleAssignment(assignment.id());
		assertThat(this.directory.rolesOf(user.id())).isEmpty();
	}

	@Test
	void displayNamesWhenManyIdsThenNamesOfThoseThatExist() {
		User a = this.administration.createUser(new NewUser(unique(), "Alpha", true, null));
		User b = this.administration.createUser(new NewUser(unique(), "Beta", true, null));
		UUID missing = UUID.randomUUID();
		assertThat(this.directory.displayNames(List.of(a.id(), b.id(), missing)))
			.isEqualTo(Map.of(a.id(), "Alpha", b.id(), "Beta"));
		assertThat(this.directory.displayNames(Set.of())).isEmpty();
	}

	@Test
	void changesWhenMadeThenPastTenseEventsWithoutSecrets() {
		User user = this.administration.createUser(new NewUser(unique(), "Evented", true, "Evented-password-1"));
		this.administration.updateUser(user.id(), new UserChanges(null, "Renamed", null, "Other-password-2"));
		this.administration.deleteUser(user.id());
		assertThat(this.events.stream(UserCreated.class))
			.contains(new UserCreated(user.id(), user.userPrincipalName()));
		assertThat(this.events.stream(UserUpdated.class))
			.contains(new UserUpdated(user.id(), Set.of("displayName", "passwordProfile")));
		assertThat(this.events.stream(UserDeleted.class))
			.contains(new UserDeleted(user.id(), user.userPrincipalName()));
		assertThat(this.events.stream().map(Object::toString))
			.noneMatch((event) -> event.contains("password-1") || event.contains("password-2"));
	}

	@Test
	void findUserWhenIdOrNameInAnyCaseThenFound() {
		User user = this.administration.createUser(new NewUser(unique(), "Found", true, null));
		assertThat(this.directory.findUser(user.id().toString())).contains(user);
		assertThat(this.directory.findUser(user.userPrincipalName().toUpperCase(java.util.Locale.ROOT))).contains(user);
		assertThat(this.directory.findUserByPrincipalName("nobody@example.org")).isEmpty();
	}

	private static String unique() {
		return "d-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
