package io.keyfob.graphapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The service document's neighbours: {@code /beta/$metadata}, the CSDL that every
 * {@code @odata.context} points at (public, as Graph's is), and the
 * {@code authenticationMethodDevices} container of the token inventory.
 */
@RestController
class MetadataController {

	static final String METADATA = "/beta/$metadata";

	private final String csdl;

	MetadataController() throws IOException {
		try (InputStream in = new ClassPathResource("graphapi/metadata.xml").getInputStream()) {
			this.csdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@GetMapping(path = METADATA, produces = "application/xml")
	String metadata() {
		return this.csdl;
	}

	@GetMapping("/beta/directory/authenticationMethodDevices")
	@PreAuthorize(HardwareOathDevicesController.READ)
	Map<String, @Nullable Object> authenticationMethodDevices() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", base + "/beta/$metadata#directory/authenticationMethodDevices/$entity");
		body.put("hardwareOathDevices@odata.navigationLink", base + HardwareOathDevicesController.PATH);
		return body;
	}

}
