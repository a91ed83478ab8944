package io.keyfob.graphapi;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import com.microsoft.graph.beta.models.AuthenticationMethod;
import com.microsoft.graph.beta.models.HardwareOathAuthenticationMethod;
import com.microsoft.graph.beta.models.HardwareOathTokenAuthenticationMethodDevice;
import com.microsoft.graph.beta.models.HardwareOathTokenHashFunction;
import com.microsoft.graph.beta.models.HardwareOathTokenStatus;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.graph.beta.users.item.authentication.hardwareoathmethods.item.activate.ActivatePostRequestBody;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Microsoft's own Graph beta Java client against Keyfob: every route it offers for
 * hardware OATH devices, users' methods and the method policy, and Keyfob's errors read
 * as {@link ODataError} with their codes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GraphSdkIntegrationTests {

	@LocalServerPort
	int port;

	GraphTestClient http;

	GraphServiceClient graph;

	@BeforeEach
	void client() {
		this.http = GraphTestClient.forPort(this.port);
		String token = this.http.bootstrapToken();
		AccessTokenProvider tokens = new AccessTokenProvider() {

			@Override
			public String getAuthorizationToken(URI uri, Map<String, Object> context) {
				return token;
			}

			@Override
			public AllowedHostsValidator getAllowedHostsValidator() {
				return new AllowedHostsValidator("127.0.0.1");
			}

		};
		this.graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(tokens));
		this.graph.getRequestAdapter().setBaseUrl(this.http.baseUrl() + "/beta");
	}

	@Test
	void devicesWhenWalkedWithTheSdkThenEveryRouteAnswersAsGraph() {
		var devices = this.graph.directory().authenticationMethodDevices().hardwareOathDevices();
		String serial = "SDK-" + UUID.randomUUID().toString().substring(0, 8);
		HardwareOathTokenAuthenticationMethodDevice device = new HardwareOathTokenAuthenticationMethodDevice();
		device.setSerialNumber(serial);
		device.setManufacturer("Feitian");
		device.setModel("c200");
		device.setSecretKey("6PJ4UKIW33NNXYZAEHQNFUFTZF7WFTFB");
		device.setTimeIntervalInSeconds(30);
		device.setHashFunction(HardwareOathTokenHashFunction.Hmacsha1);
		HardwareOathTokenAuthenticationMethodDevice created = devices.post(device);
		assertThat(created.getSerialNumber()).isEqualTo(serial);
		assertThat(created.getStatus()).isEqualTo(HardwareOathTokenStatus.Available);
		assertThat(created.getSecretKey()).isNull();

		var one = devices.byHardwareOathTokenAuthenticationMethodDeviceId(created.getId());
		assertThat(one.get().getModel()).isEqualTo("c200");
		var filtered = devices.get((request) -> request.queryParameters.filter = "serialNumber eq '" + serial + "'");
		assertThat(filtered.getValue()).extracting(HardwareOathTokenAuthenticationMethodDevice::getId)
			.containsExactly(created.getId());
		Integer count = devices.count()
			.get((request) -> request.queryParameters.filter = "startswith(serialNumber,'" + serial + "')");
		assertThat(count).isEqualTo(1);
		assertThat(devices
			.get((request) -> request.queryParameters.filter = "serialNumber eq '" + serial
					+ "' and validUntil eq null and blockReason eq null and blockedDateTime eq null"
					+ " and (validFrom eq null or validFrom le 2026-01-01T00:00:00Z)")
			.getValue()).hasSize(1);
		assertThatExceptionOfType(ODataError.class)
			.isThrownBy(() -> devices.get((request) -> request.queryParameters.filter = "contains(model,'c2')"))
			.satisfies((error) -> assertThat(error.getError().getCode()).isEqualTo("Request_BadRequest"))
			.satisfies((error) -> assertThat(error.getError().getMessage()).contains("'contains'"));

		HardwareOathTokenAuthenticationMethodDevice change = new HardwareOathTokenAuthenticationMethodDevice();
		change.setModel("c200 v2");
		one.patch(change);
		assertThat(one.get().getModel()).isEqualTo("c200 v2");

		assertThatExceptionOfType(ODataError.class).isThrownBy(() -> one.assignTo().get())
			.satisfies((error) -> assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound"));
		one.delete();
		assertThatExceptionOfType(ODataError.class).isThrownBy(one::get)
			.satisfies((error) -> assertThat(error.getError().getCode()).isEqualTo("tokenNotFound"));
	}

	@Test
	void userMethodsWhenWalkedWithTheSdkThenListGetDeviceActivateAndAssignTo() {
		String token = this.http.bootstrapToken();
		HardwareTokens.enableForAllUsers(this.http, token);
		UUID user = this.http.createUser("sdk-" + UUID.randomUUID().toString().substring(0, 8) + "@sdk.test", null);
		byte[] seed = HardwareTokens.seed();
		String serial = "SDKM-" + UUID.randomUUID().toString().substring(0, 8);
		String deviceId = this.http.post(HardwareTokens.DEVICES, token, HardwareTokens.device(serial, seed, user))
			.expect(201)
			.body()
			.get("id")
			.asString();

		var methods = this.graph.users().byUserId(user.toString()).authentication().hardwareOathMethods();
		assertThat(methods.get().getValue()).extracting(HardwareOathAuthenticationMethod::getId)
			.containsExactly(deviceId);
		var method = methods.byHardwareOathAuthenticationMethodId(deviceId);
		assertThat(method.get().getDevice().getSerialNumber()).isEqualTo(serial);
		assertThat(method.device().get().getSerialNumber()).isEqualTo(serial);

		ActivatePostRequestBody activate = new ActivatePostRequestBody();
		activate.setVerificationCode(HardwareTokens.code(seed, 0));
		method.activate().post(activate);
		assertThat(method.device().get().getStatus()).isEqualTo(HardwareOathTokenStatus.Activated);

		var device = this.graph.directory()
			.authenticationMethodDevices()
			.hardwareOathDevices()
			.byHardwareOathTokenAuthenticationMethodDeviceId(deviceId);
		assertThat(device.assignTo().get().getId()).isEqualTo(user.toString());
		assertThat(device.get((request) -> request.queryParameters.expand = new String[] { "assignTo" })
			.getAssignTo()
			.getId()).isEqualTo(user.toString());

		var listed = methods.get((request) -> {
			request.queryParameters.filter = "device/serialNumber eq '" + serial + "' and device/status eq 'activated'";
			request.queryParameters.top = 1;
			request.queryParameters.count = true;
			request.queryParameters.select = new String[] { "id", "device" };
			request.queryParameters.expand = new String[] { "device" };
		});
		assertThat(listed.getOdataCount()).isEqualTo(1L);
		assertThat(listed.getValue().get(0).getDevice().getSerialNumber()).isEqualTo(serial);
		assertThat(methods.count().get((request) -> {
			request.queryParameters.filter = "device/status eq 'available'";
			request.headers.add("ConsistencyLevel", "eventual");
		})).isZero();
		assertThat(this.graph.users().byUserId(user.toString()).authentication().methods().get().getValue())
			.extracting(AuthenticationMethod::getId)
			.contains(deviceId);
		assertThat(this.graph.users().count().get((request) -> {
			request.queryParameters.filter = "id eq '" + user + "'";
			request.headers.add("ConsistencyLevel", "eventual");
		})).isEqualTo(1);
		assertThatExceptionOfType(ODataError.class)
			.isThrownBy(() -> methods.get((request) -> request.queryParameters.orderby = new String[] { "id" }))
			.satisfies((error) -> assertThat(error.getError().getCode()).isEqualTo("Request_BadRequest"));
		assertThatExceptionOfType(ODataError.class)
			.isThrownBy(() -> methods.get((request) -> request.queryParameters.filter = "device/colour eq 'red'"))
			.satisfies((error) -> assertThat(error.getError().getMessage()).contains("device/colour"));
		assertThatExceptionOfType(ODataError.class)
			.isThrownBy(() -> methods.byHardwareOathAuthenticationMethodId(UUID.randomUUID().toString()).get())
			.satisfies((error) -> assertThat(error.getError().getCode()).isNotBlank());
	}

	@Test
	void policyWhenReadWithTheSdkThenRootListsHardwareOathConfiguration() {
		var policy = this.graph.policies().authenticationMethodsPolicy();
		assertThat(policy.get().getAuthenticationMethodConfigurations())
			.anySatisfy((configuration) -> assertThat(configuration.getId()).isEqualTo("HardwareOath"));
		assertThat(policy.authenticationMethodConfigurations()
			.byAuthenticationMethodConfigurationId("hardwareOath")
			.get()
			.getOdataType()).isEqualTo("#microsoft.graph.hardwareOathAuthenticationMethodConfiguration");
	}

}
