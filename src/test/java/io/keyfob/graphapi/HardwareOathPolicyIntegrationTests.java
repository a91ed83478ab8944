package io.keyfob.graphapi;

import java.util.List;
import java.util.UUID;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.HardwareOathPolicy;
import io.keyfob.policy.HardwareOathPolicy.IncludeTarget;
import io.keyfob.policy.HardwareOathPolicyChange;
import io.keyfob.policy.HardwareOathPolicyChanged;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.support.GraphCalls;
import io.keyfob.support.GraphCalls.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static io.keyfob.support.TestDirectoryObjects.group;
import static io.keyfob.support.TestDirectoryObjects.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardware OATH method policy through the real HTTP stack, and the targeting query
 * the user-method and sign-in modules ask.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class HardwareOathPolicyIntegrationTests {

	static final String POLICY = "/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/hardwareOath";

	static final String WRITE = "Policy.ReadWrite.AuthenticationMethod";

	@LocalServerPort
	int port;

	@Autowired
	AuthenticationMethodsPolicy policy;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	ApplicationEvents events;

	@BeforeEach
	void newInstallPolicy() {
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.DISABLED,
				List.of(new IncludeTarget(HardwareOathPolicy.ALL_USERS, false)), List.of()));
	}

	GraphCalls policyAdmin() {
		return GraphCalls.as(this.port, WRITE);
	}

	GraphCalls globalReader() {
		return GraphCalls.as(this.port, "Policy.Read.All", "Policy.Read.AuthenticationMethod");
	}

	@Test
	void getWhenNewInstallThenDisabledForAllUsersAsEntra() {
		Response read = globalReader().get(POLICY);
		assertThat(read.status()).isEqualTo(200);
		JsonNode body = read.json();
		assertThat(body.get("@odata.type").stringValue())
			.isEqualTo("#microsoft.graph.hardwareOathAuthenticationMethodConfiguration");
		assertThat(body.get("@odata.context").stringValue()).endsWith(
				"/beta/$metadata#policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$entity");
		assertThat(body.get("id").stringValue()).isEqualTo("HardwareOath");
		assertThat(body.get("state").stringValue()).isEqualTo("disabled");
		assertThat(body.get("includeTargets").toString())
			.isEqualTo("[{\"targetType\":\"group\",\"id\":\"all_users\",\"isRegistrationRequired\":false}]");
		assertThat(body.get("excludeTargets").size()).isZero();
		assertThat(this.policy.isEnabledFor(UUID.randomUUID())).isFalse();
	}

	@Test
	void patchWhenSeedArticleEnablesThenEnabledForEveryoneAtOnce() {
		UUID user = UUID.randomUUID();
		Response patch = policyAdmin().patch(POLICY, "{\"state\": \"enabled\"}");
		assertThat(patch.status()).isEqualTo(204);
		assertThat(patch.text()).isEmpty();
		assertThat(this.policy.isEnabledFor(user)).isTrue();
		assertThat(this.policy.isRegistrationRequiredFor(user)).isFalse();
		assertThat(globalReader().get(POLICY).json().get("state").stringValue()).isEqualTo("enabled");
	}

	@Test
	void patchWhenGroupTargetsWithOdataTypeThenOnlyIncludedMembersNotExcluded() {
		UUID member = user(this.directory, "Member");
		UUID excludedMember = user(this.directory, "Contractor");
		UUID outsider = user(this.directory, "Outsider");
		UUID staff = group(this.directory, member, excludedMember);
		UUID contractors = group(this.directory, excludedMember);
		Response patch = policyAdmin().patch(POLICY, """
				{
				  "@odata.type": "#microsoft.graph.hardwareOathAuthenticationMethodConfiguration",
				  "state": "enabled",
				  "includeTargets": [{"targetType": "group", "id": "%s", "isRegistrationRequired": true}],
				  "excludeTargets": [{"targetType": "group", "id": "%s"}]
				}
				""".formatted(staff, contractors));
		assertThat(patch.status()).isEqualTo(204);
		assertThat(this.policy.isEnabledFor(member)).isTrue();
		assertThat(this.policy.isRegistrationRequiredFor(member)).isTrue();
		assertThat(this.policy.isEnabledFor(excludedMember)).isFalse();
		assertThat(this.policy.isRegistrationRequiredFor(excludedMember)).isFalse();
		assertThat(this.policy.isEnabledFor(outsider)).isFalse();
		JsonNode body = globalReader().get(POLICY).json();
		assertThat(body.get("includeTargets").get(0).get("id").stringValue()).isEqualTo(staff.toString());
		assertThat(body.get("includeTargets").get(0).get("isRegistrationRequired").booleanValue()).isTrue();
		assertThat(body.get("excludeTargets").toString())
			.isEqualTo("[{\"targetType\":\"group\",\"id\":\"" + contractors + "\"}]");

		this.directory.addMember(staff, outsider);
		assertThat(this.policy.isEnabledFor(outsider)).as("membership applies at once").isTrue();
		this.directory.removeMember(contractors, excludedMember);
		assertThat(this.policy.isEnabledFor(excludedMember)).isTrue();
	}

	@Test
	void patchWhenOnlyTargetsThenStateKept() {
		policyAdmin().patch(POLICY, "{\"state\": \"enabled\"}");
		UUID group = group(this.directory);
		assertThat(policyAdmin().patch(POLICY, "{\"excludeTargets\": [{\"id\": \"" + group + "\"}]}").status())
			.isEqualTo(204);
		JsonNode body = globalReader().get(POLICY).json();
		assertThat(body.get("state").stringValue()).isEqualTo("enabled");
		assertThat(body.get("includeTargets").get(0).get("id").stringValue()).isEqualTo("all_users");
		assertThat(body.get("excludeTargets").get(0).get("id").stringValue()).isEqualTo(group.toString());
	}

	@Test
	void patchWhenDisabledThenNobodyAtOnce() {
		UUID user = UUID.randomUUID();
		policyAdmin().patch(POLICY, "{\"state\": \"enabled\"}");
		assertThat(this.policy.isEnabledFor(user)).isTrue();
		policyAdmin().patch(POLICY, "{\"state\": \"disabled\"}");
		assertThat(this.policy.isEnabledFor(user)).isFalse();
	}

	@Test
	void patchWhenInvalidThenBadRequestWithMessageAndPolicyUnchanged() {
		UUID group = group(this.directory);
		UUID unknown = UUID.randomUUID();
		String before = globalReader().get(POLICY).text();
		assertRefused("{\"state\": \"on\"}", "state: 'on' is not allowed: use enabled or disabled");
		assertRefused(
				"{\"@odata.type\": \"#microsoft.graph.fido2AuthenticationMethodConfiguration\", \"state\": \"enabled\"}",
				"@odata.type: must be #microsoft.graph.hardwareOathAuthenticationMethodConfiguration for this "
						+ "configuration, or left out");
		assertRefused(
				"{\"state\": \"enabled\", \"includeTargets\": [{\"targetType\": \"group\", \"id\": \"" + unknown
						+ "\"}]}",
				"includeTargets: no group has id " + unknown
						+ "; give the id of an existing group, as /beta/groups lists it, or all_users");
		assertRefused("{\"excludeTargets\": [{\"id\": \"" + unknown + "\"}]}", "excludeTargets: no group has id "
				+ unknown + "; give the id of an existing group, as /beta/groups lists it, or all_users");
		assertRefused("{\"includeTargets\": [{\"id\": \"staff\"}]}",
				"includeTargets: 'staff' is not a group id; give a group's id (a GUID), or all_users in includeTargets");
		assertRefused("{\"excludeTargets\": [{\"id\": \"all_users\"}]}",
				"excludeTargets: all_users cannot be excluded; to turn the method off for everyone, set state to disabled");
		assertRefused("{\"includeTargets\": [{\"targetType\": \"user\", \"id\": \"" + group + "\"}]}",
				"includeTargets: targetType must be group; targeting single users is not supported, put them in a group");
		assertRefused("{\"includeTargets\": [{\"id\": \"" + group + "\"}, {\"id\": \"" + group + "\"}]}",
				"includeTargets: '" + group + "' is listed twice; list each group once (or all_users alone)");
		assertRefused("{\"includeTargets\": {\"id\": \"all_users\"}}",
				"includeTargets: must be a list of targets such as [{\"targetType\": \"group\", \"id\": \"<group id>\"}]");
		assertRefused("{\"includeTargets\": [{}]}",
				"includeTargets: each target needs an id: a group id, or all_users in includeTargets");
		assertRefused("{\"includeTargets\": [{\"id\": \"all_users\", \"isRegistrationRequired\": \"yes\"}]}",
				"includeTargets: isRegistrationRequired must be true or false");
		assertRefused("[]", "Send the policy as a JSON object, for example {\"state\": \"enabled\"}.");
		assertThat(globalReader().get(POLICY).text()).isEqualTo(before);
	}

	@Test
	void patchWhenGlobalReaderOrNoRightsThenForbiddenAndUnchanged() {
		assertThat(globalReader().get(POLICY).status()).isEqualTo(200);
		assertThat(GraphCalls.as(this.port, "Policy.Read.AuthenticationMethod").get(POLICY).status()).isEqualTo(200);
		Response patch = globalReader().patch(POLICY, "{\"state\": \"enabled\"}");
		assertThat(patch.status()).isEqualTo(403);
		assertThat(patch.errorCode()).isEqualTo("Authorization_RequestDenied");
		assertThat(GraphCalls.as(this.port, "UserAuthenticationMethod.ReadWrite.All").get(POLICY).status())
			.isEqualTo(403);
		assertThat(GraphCalls.anonymous(this.port).patch(POLICY, "{\"state\": \"enabled\"}").status()).isEqualTo(401);
		assertThat(this.policy.hardwareOath().state()).isEqualTo(AuthenticationMethodState.DISABLED);
	}

	@Test
	void updateWhenChangedThenPublishesPolicyChangedOnceAndNotForNoChange() {
		this.events.clear();
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED, null, null));
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED, null, null));
		List<HardwareOathPolicyChanged> changed = this.events.stream(HardwareOathPolicyChanged.class).toList();
		assertThat(changed).hasSize(1);
		assertThat(changed.get(0).previous().state()).isEqualTo(AuthenticationMethodState.DISABLED);
		assertThat(changed.get(0).current().state()).isEqualTo(AuthenticationMethodState.ENABLED);
	}

	@Test
	void pathWhenOtherCaseThenSamePolicy() {
		assertThat(globalReader()
			.get(POLICY.replace("hardwareOath", "HARDWAREOATH")
				.replace("authenticationMethodsPolicy", "authenticationmethodspolicy"))
			.status()).isEqualTo(200);
	}

	private void assertRefused(String body, String message) {
		Response patch = policyAdmin().patch(POLICY, body);
		assertThat(patch.status()).as(body).isEqualTo(400);
		assertThat(patch.errorCode()).isEqualTo("invalidRequest");
		assertThat(patch.errorMessage()).isEqualTo(message);
	}

}
