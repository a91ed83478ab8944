package io.keyfob.support;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.NewUser;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.HardwareOathPolicyChange;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.token.TokenCodes;
import io.keyfob.token.TokenInventory;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the seed import tests against a running Keyfob share: the hardware OATH policy
 * enabled for everyone (so that files may assign tokens), users made on demand, clients
 * with chosen permissions, and {@link ImportedTokens} to prove that imported tokens work.
 * Subclasses carry their own {@code @SpringBootTest}.
 */
public abstract class SeedImportTestBase {

	/** The permission to import. */
	protected static final String IMPORT = "Policy.ReadWrite.AuthenticationMethod";

	/** The permission to assign tokens to users, which files naming users need too. */
	protected static final String ASSIGN = "UserAuthenticationMethod.ReadWrite.All";

	@LocalServerPort
	protected int port;

	@Autowired
	protected TokenInventory inventory;

	@Autowired
	protected TokenCodes codes;

	@Autowired
	protected Clock clock;

	@Autowired
	protected DirectoryAdministration directory;

	@Autowired
	protected AuthenticationMethodsPolicy policy;

	protected ImportedTokens tokens;

	@BeforeEach
	void enableHardwareOathForEveryone() {
		this.tokens = new ImportedTokens(this.inventory, this.codes, this.clock);
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED, null, null));
	}

	/**
	 * An upload client holding exactly these permissions.
	 * @param permissions Graph application permissions
	 * @return the client
	 */
	protected SeedImportClient client(String... permissions) {
		return SeedImportClient.withToken(this.port, GraphCalls.client(this.port).appToken(Set.of(permissions)));
	}

	/**
	 * A new user with a unique user principal name.
	 * @return the user principal name
	 */
	protected String user() {
		return user("u-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com");
	}

	/**
	 * A new user.
	 * @param upn the user principal name
	 * @return the user principal name
	 */
	protected String user(String upn) {
		this.directory.createUser(new NewUser(upn, upn, true, null));
		return upn;
	}

}
