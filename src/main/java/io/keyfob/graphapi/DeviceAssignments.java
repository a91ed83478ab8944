package io.keyfob.graphapi;

import java.util.UUID;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenInventory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Create-and-assign (Graph: {@code POST hardwareOathDevices} with {@code assignTo}): the
 * token is created and assigned in one transaction, so a refused assignment leaves no
 * token behind. The assignment itself is the user-methods module's: it checks that the
 * user exists, that the policy targets them, the method limit and the admin-target rule.
 */
@Component
class DeviceAssignments {

	private final TokenInventory inventory;

	private final HardwareOathMethods methods;

	DeviceAssignments(TokenInventory inventory, HardwareOathMethods methods) {
		this.inventory = inventory;
		this.methods = methods;
	}

	/**
	 * Create a token and assign it to a user, or do neither.
	 * @param command the token
	 * @param userId the user
	 * @param actor who asks
	 * @return the assigned token
	 */
	@Transactional
	HardwareOathToken createAndAssign(NewHardwareOathToken command, UUID userId, Actor actor) {
		HardwareOathToken token = this.inventory.create(command);
		return this.methods.assign(actor, userId, token.id()).device();
	}

}
