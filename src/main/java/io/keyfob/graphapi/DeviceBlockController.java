package io.keyfob.graphapi;

import java.util.Map;
import java.util.Set;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.TokenBlocking;
import io.keyfob.token.HardwareOathToken;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keyfob's actions on a device for lost, stolen, broken and retired tokens: {@code POST
 * .../hardwareOathDevices/{id}/block} with {@code {"reason": "lost"}} and {@code POST
 * .../hardwareOathDevices/{id}/unblock}. Both answer 200 with the device.
 * <p>
 * Blocking needs {@code Policy.ReadWrite.AuthenticationMethod} (the inventory's managers)
 * or {@code UserAuthenticationMethod.ReadWrite.All} (the helpdesk, within the target rule
 * for the token's holder); unblocking needs the former: only a policy administrator puts
 * a found token back into circulation.
 */
@RestController
@RequestMapping(HardwareOathDevicesController.PATH + "/{id}")
class DeviceBlockController {

	static final String BLOCK = "hasAnyAuthority('Policy.ReadWrite.AuthenticationMethod', "
			+ "'UserAuthenticationMethod.ReadWrite.All')";

	private final TokenBlocking blocking;

	private final DeviceEntities entities;

	DeviceBlockController(TokenBlocking blocking, DeviceEntities entities) {
		this.blocking = blocking;
		this.entities = entities;
	}

	@PostMapping("/block")
	@PreAuthorize(BLOCK)
	Map<String, @Nullable Object> block(@PathVariable String id, @RequestBody(required = false) @Nullable JsonNode body,
			GraphCaller caller) {
		HardwareOathToken blocked = this.blocking.block(actor(caller), HardwareOathDevicesController.tokenId(id),
				DeviceRequests.blockReason(body));
		return this.entities.entity(blocked, Set.of());
	}

	@PostMapping("/unblock")
	@PreAuthorize(HardwareOathDevicesController.WRITE)
	Map<String, @Nullable Object> unblock(@PathVariable String id, GraphCaller caller) {
		HardwareOathToken available = this.blocking.unblock(actor(caller), HardwareOathDevicesController.tokenId(id));
		return this.entities.entity(available, Set.of());
	}

	// The inventory's managers act on the inventory, where the target rule for users'
	// methods does not apply; the helpdesk acts on the holder's method, where it does.
	private static Actor actor(GraphCaller caller) {
		if (!caller.isApplication() && caller.hasPermission("Policy.ReadWrite.AuthenticationMethod")) {
			return Actor.administrator(caller.requireUserId(), caller.clientId(), true);
		}
		return Actors.acting(caller);
	}

}
