package io.keyfob.accesspass;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassCreated;
import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassDeleted;
import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassPolicyChanged;
import io.keyfob.accesspass.TemporaryAccessPassMethod.MethodUsabilityReason;
import io.keyfob.accesspass.jdbc.JdbcAccessPasses;
import io.keyfob.accesspass.jdbc.StoredPass;
import io.keyfob.authmethod.PassGuard;
import io.keyfob.directory.Directory;
import io.keyfob.policy.AuthenticationMethodState;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Temporary Access Passes (Graph: {@code temporaryAccessPassMethods}) and their policy. A
 * user has at most one pass; it is shown once, when created, and stored only as a slow
 * hash (the directory's password hasher). Who may create one is decided at the edge by
 * Entra's rule: Authentication Administrators for users without an admin role, Privileged
 * Authentication Administrators for anyone.
 */
@Service
public class TemporaryAccessPasses implements PassGuard.Passes {

	// no 0/O, 1/l/I: a pass is read aloud over the phone by a helpdesk agent
	private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final JdbcAccessPasses passes;

	private final Directory directory;

	private final PasswordEncoder hasher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	// checked when a user has no pass, so the answer takes as long as for a wrong pass
	private final String dummyHash;

	TemporaryAccessPasses(JdbcAccessPasses passes, Directory directory, PasswordEncoder hasher,
			ApplicationEventPublisher events, Clock clock) {
		this.passes = passes;
		this.directory = directory;
		this.hasher = hasher;
		this.events = events;
		this.clock = clock;
		this.dummyHash = hasher.encode(generate(TemporaryAccessPassPolicy.LENGTH_FLOOR));
	}

	/**
	 * The policy in force, for the policy endpoint and the policy root.
	 * @return the policy
	 */
	@Transactional(readOnly = true)
	public TemporaryAccessPassPolicy policy() {
		return this.passes.policy();
	}

	/**
	 * Replace the policy.
	 * @param policy the new policy, already checked by its constructor
	 * @return the policy now in force
	 */
	@Transactional
	public TemporaryAccessPassPolicy updatePolicy(TemporaryAccessPassPolicy policy) {
		for (String target : policy.includeTargets()) {
			requireGroup("includeTargets", target, true);
		}
		for (String target : policy.excludeTargets()) {
			requireGroup("excludeTargets", target, false);
		}
		this.passes.savePolicy(policy, this.clock.instant());
		this.events.publishEvent(new TemporaryAccessPassPolicyChanged(policy.state().graphName()));
		return policy;
	}

	/**
	 * Create a user's pass.
	 * @param userId the user
	 * @param startDateTime from when it may be used, or {@code null} for now
	 * @param lifetimeInMinutes how long, or {@code null} for the policy's default
	 * @param isUsableOnce whether one-time, or {@code null} for the policy's setting
	 * @return the method and, this once, the pass
	 * @throws AccessPassException {@code policyDisabledForUser},
	 * {@code methodLimitReached} (the user has a pass), {@code invalidRequest} (a
	 * lifetime outside the policy's limits)
	 */
	@Transactional
	public IssuedPass create(UUID userId, @Nullable Instant startDateTime, @Nullable Integer lifetimeInMinutes,
			@Nullable Boolean isUsableOnce) {
		TemporaryAccessPassPolicy policy = this.passes.policy();
		if (!targets(policy, userId)) {
			throw AccessPassException.policyDisabled();
		}
		int lifetime = (lifetimeInMinutes != null) ? lifetimeInMinutes : policy.defaultLifetimeInMinutes();
		if (lifetime < policy.minimumLifetimeInMinutes() || lifetime > policy.maximumLifetimeInMinutes()) {
			throw AccessPassException.invalid("lifetimeInMinutes",
					"must be from " + policy.minimumLifetimeInMinutes() + " to " + policy.maximumLifetimeInMinutes()
							+ " minutes, as the Temporary Access Pass policy says, but is " + lifetime + ".");
		}
		// the policy's one-time setting cannot be loosened by the creator
		boolean once = policy.isUsableOnce() || Boolean.TRUE.equals(isUsableOnce);
		Instant now = this.clock.instant();
		Instant start = (startDateTime != null) ? startDateTime : now;
		String pass = generate(policy.defaultLength());
		StoredPass stored = new StoredPass(UUID.randomUUID(), userId, this.hasher.encode(pass), now, start, lifetime,
				once, null);
		if (!this.passes.insert(stored)) {
			throw AccessPassException.alreadyExists();
		}
		this.events.publishEvent(new TemporaryAccessPassCreated(userId, stored.id(), once, lifetime));
		return new IssuedPass(method(stored, policy, now), pass);
	}

	/**
	 * A user's passes: none or one, never with the pass itself.
	 * @param userId the user
	 * @return the methods
	 */
	@Transactional(readOnly = true)
	public List<TemporaryAccessPassMethod> list(UUID userId) {
		TemporaryAccessPassPolicy policy = this.passes.policy();
		Instant now = this.clock.instant();
		return this.passes.findByUser(userId).map((p) -> method(p, policy, now)).stream().toList();
	}

	/**
	 * One of a user's passes.
	 * @param userId the user
	 * @param id the method id
	 * @return the method
	 * @throws AccessPassException {@code Request_ResourceNotFound}
	 */
	public TemporaryAccessPassMethod get(UUID userId, String id) {
		return list(userId).stream()
			.filter((m) -> m.id().toString().equalsIgnoreCase(id))
			.findFirst()
			.orElseThrow(() -> AccessPassException.notFound(id));
	}

	/**
	 * Delete a user's pass.
	 * @param userId the user
	 * @param id the method id
	 */
	@Transactional
	public void delete(UUID userId, String id) {
		TemporaryAccessPassMethod method = get(userId, id);
		this.passes.delete(userId, method.id());
		this.events.publishEvent(new TemporaryAccessPassDeleted(userId, method.id()));
	}

	/**
	 * Whether the user has a pass that is usable now, so the sign-in page can offer it.
	 * @param userId the user
	 * @return {@code true} if a pass would be accepted now
	 */
	public boolean hasUsablePass(UUID userId) {
		return list(userId).stream().anyMatch(TemporaryAccessPassMethod::isUsable);
	}

	private PassGuard.Match match(UUID userId, String presented) {
		Optional<StoredPass> stored = this.passes.findByUser(userId);
		boolean right = this.hasher.matches(presented.strip(), stored.map(StoredPass::passHash).orElse(this.dummyHash));
		if (!right || stored.isEmpty()) {
			return PassGuard.Match.WRONG;
		}
		MethodUsabilityReason reason = method(stored.get(), this.passes.policy(), this.clock.instant())
			.methodUsabilityReason();
		return switch (reason) {
			case ENABLED_BY_POLICY -> PassGuard.Match.RIGHT;
			case ONE_TIME_USED -> PassGuard.Match.USED;
			default -> PassGuard.Match.WRONG;
		};
	}

	/**
	 * Use the user's pass after {@link PassGuard.PassCheck#matches}: a one-time pass is
	 * used up by one conditional update, so of concurrent sign-ins on any nodes exactly
	 * one gets {@code true}.
	 * @param userId the user
	 * @return whether the sign-in may go on
	 */
	@Transactional
	public boolean use(UUID userId) {
		Instant now = this.clock.instant();
		Optional<StoredPass> stored = this.passes.findByUser(userId);
		// PassGuard, which calls this under the lockout, publishes the attempt for the
		// sign-in log
		return stored.isPresent() && method(stored.get(), this.passes.policy(), now).isUsable()
				&& (!stored.get().isUsableOnce() || this.passes.useOnce(stored.get().id(), now));
	}

	/**
	 * A pass as {@link PassGuard} checks it: the slow hash without a lock, then
	 * {@link #use} under the user's lockout rows.
	 * @param presented the pass as typed
	 * @return the check
	 */
	@Override
	public PassGuard.PassCheck check(String presented) {
		return new PassGuard.PassCheck() {

			@Override
			public PassGuard.Match matches(UUID userId) {
				return TemporaryAccessPasses.this.match(userId, presented);
			}

			@Override
			public boolean use(UUID userId) {
				return TemporaryAccessPasses.this.use(userId);
			}

		};
	}

	/**
	 * Whether the verify API and RADIUS may accept a pass in place of a code.
	 * @return the policy's {@code usableForVerify}
	 */
	@Override
	public boolean usableForVerify() {
		return this.passes.policy().usableForVerify();
	}

	/**
	 * How many passes are in use, for the admin dashboard: passes not used up whose
	 * lifetime has not ended (including those that start later). A pass lives at most
	 * {@link TemporaryAccessPassPolicy#LIFETIME_CEILING} minutes, so only passes that
	 * started within that span are read.
	 * @return passes neither used up nor expired
	 */
	@Transactional(readOnly = true)
	public long inUse() {
		Instant now = this.clock.instant();
		Instant earliest = now.minus(Duration.ofMinutes(TemporaryAccessPassPolicy.LIFETIME_CEILING));
		return this.passes.unusedEndsStartingAfter(earliest).stream().filter(now::isBefore).count();
	}

	private boolean targets(TemporaryAccessPassPolicy policy, UUID userId) {
		if (policy.state() != AuthenticationMethodState.ENABLED) {
			return false;
		}
		List<UUID> included = groups(policy.includeTargets());
		boolean in = policy.includeTargets().contains(TemporaryAccessPassPolicy.ALL_USERS)
				|| this.directory.isMemberOfAny(userId, included);
		return in && !this.directory.isMemberOfAny(userId, groups(policy.excludeTargets()));
	}

	private static List<UUID> groups(List<String> targets) {
		return targets.stream()
			.filter((t) -> !TemporaryAccessPassPolicy.ALL_USERS.equals(t))
			.map(UUID::fromString)
			.toList();
	}

	private void requireGroup(String property, String target, boolean allUsersAllowed) {
		if (allUsersAllowed && TemporaryAccessPassPolicy.ALL_USERS.equals(target)) {
			return;
		}
		try {
			if (this.directory.findGroup(UUID.fromString(target)).isPresent()) {
				return;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw AccessPassException.invalid(property, "'" + target + "' is not a group id"
				+ (allUsersAllowed ? " or all_users" : "") + ". List the groups to find the id.");
	}

	private String generate(int length) {
		char[] pass = new char[length];
		for (int i = 0; i < length; i++) {
			pass[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(pass);
	}

	private TemporaryAccessPassMethod method(StoredPass pass, TemporaryAccessPassPolicy policy, Instant now) {
		MethodUsabilityReason reason;
		if (!targets(policy, pass.userId())) {
			reason = MethodUsabilityReason.DISABLED_BY_POLICY;
		}
		else if (pass.usedDateTime() != null) {
			reason = MethodUsabilityReason.ONE_TIME_USED;
		}
		else if (now.isBefore(pass.startDateTime())) {
			reason = MethodUsabilityReason.NOT_YET_VALID;
		}
		else if (!now.isBefore(pass.startDateTime().plusSeconds(60L * pass.lifetimeInMinutes()))) {
			reason = MethodUsabilityReason.EXPIRED;
		}
		else {
			reason = MethodUsabilityReason.ENABLED_BY_POLICY;
		}
		return new TemporaryAccessPassMethod(pass.id(), pass.userId(), pass.createdDateTime(), pass.startDateTime(),
				pass.lifetimeInMinutes(), pass.isUsableOnce(), pass.usedDateTime(), reason);
	}

	/**
	 * A new pass, shown this once.
	 *
	 * @param method the method
	 * @param temporaryAccessPass the pass
	 */
	public record IssuedPass(TemporaryAccessPassMethod method, String temporaryAccessPass) {

		@Override
		public String toString() {
			return "IssuedPass[method=" + this.method.id() + "]";
		}

	}

}
