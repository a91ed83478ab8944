package io.keyfob.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.jdbc.JdbcUsers;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.StorableText;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * One import: checks rows, collects them into batches and stores each batch. Remembers
 * the names seen so far (to refuse duplicates within the file) and the groups resolved so
 * far. Not thread-safe.
 */
final class ImportRun {

	private static final Logger logger = LoggerFactory.getLogger(ImportRun.class);

	static final int BATCH_SIZE = 500;

	private final ImportStore store;

	private final Directory directory;

	private final Passwords passwords;

	private final Clock clock;

	private final Set<String> seen = new HashSet<>();

	private final Map<String, UUID> groupIds = new HashMap<>();

	private final List<ImportReport.Row> report = new ArrayList<>();

	private List<ImportStore.Candidate> batch = new ArrayList<>();

	ImportRun(ImportStore store, Directory directory, Passwords passwords, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.passwords = passwords;
		this.clock = clock;
	}

	void add(long line, Input input) {
		try {
			requireStorable(input);
			String upn = UserPropertyRules.userPrincipalName(input.userPrincipalName());
			String displayName = UserPropertyRules.displayName(input.displayName());
			if (input.password() != null) {
				Passwords.requireValid(input.password());
			}
			Set<UUID> groups = groups(input.groups());
			if (!this.seen.add(JdbcUsers.key(upn))) {
				throw DirectoryErrors.invalid("The file names this userPrincipalName more than once.");
			}
			User user = new User(UUID.randomUUID(), upn, displayName, true, now());
			this.batch.add(new ImportStore.Candidate(line, user, input.password(), groups));
		}
		catch (KeyfobException ex) {
			refuse(line, input.userPrincipalName(), ex);
		}
		if (this.batch.size() >= BATCH_SIZE) {
			flush();
		}
	}

	ImportReport finish() {
		flush();
		this.report.sort(Comparator.comparingLong(ImportReport.Row::line));
		int created = (int) this.report.stream().filter(ImportReport.Row::isCreated).count();
		return new ImportReport(created, this.report.size() - created, this.report);
	}

	private void flush() {
		if (this.batch.isEmpty()) {
			return;
		}
		List<ImportStore.Candidate> candidates = this.batch;
		this.batch = new ArrayList<>();
		Set<String> taken = this.store.existingKeys(candidates);
		List<ImportStore.Candidate> fresh = new ArrayList<>();
		for (ImportStore.Candidate candidate : candidates) {
			if (taken.contains(JdbcUsers.key(candidate.user().userPrincipalName()))) {
				refuse(candidate.line(), candidate.user().userPrincipalName(),
						DirectoryErrors.duplicateUserPrincipalName());
			}
			else {
				fresh.add(candidate);
			}
		}
		List<ImportStore.Candidate> hashed = fresh.parallelStream().map(this::hashed).toList();
		try {
			this.store.insert(hashed);
			hashed.forEach((candidate) -> created(candidate.line(), candidate.user()));
		}
		catch (DataIntegrityViolationException ex) {
			hashed.forEach(this::insertAlone);
		}
	}

	private static void requireStorable(Input input) {
		for (String field : new String[] { input.userPrincipalName(), input.displayName(), input.password(),
				input.groups() }) {
			String problem = (field != null) ? StorableText.problem(field) : null;
			if (problem != null) {
				throw DirectoryErrors.invalid("This row contains " + problem + ": remove it and import the row again.");
			}
		}
	}

	private ImportStore.Candidate hashed(ImportStore.Candidate candidate) {
		return (candidate.password() != null) ? candidate.withHash(this.passwords.hash(candidate.password()))
				: candidate;
	}

	private void insertAlone(ImportStore.Candidate candidate) {
		try {
			this.store.insert(List.of(candidate));
			created(candidate.line(), candidate.user());
		}
		catch (DuplicateKeyException ex) {
			refuse(candidate.line(), candidate.user().userPrincipalName(),
					DirectoryErrors.duplicateUserPrincipalName());
		}
		catch (DataIntegrityViolationException ex) {
			// not a duplicate: say so rather than guess
			logger.warn("Import row {} refused by the database: {}", candidate.line(), ex.getClass().getSimpleName());
			refuse(candidate.line(), candidate.user().userPrincipalName(), DirectoryErrors.invalid(
					"The database refused this row (a value too long or not storable): check it and import it again."));
		}
	}

	private Set<UUID> groups(String names) {
		Set<UUID> ids = new LinkedHashSet<>();
		for (String name : names.split(";")) {
			String trimmed = name.strip();
			if (!trimmed.isEmpty()) {
				ids.add(this.groupIds.computeIfAbsent(trimmed.toLowerCase(java.util.Locale.ROOT),
						(key) -> resolveGroup(trimmed)));
			}
		}
		return ids;
	}

	private UUID resolveGroup(String idOrName) {
		var byId = PageKeys.uuid(idOrName).flatMap(this.directory::findGroup);
		if (byId.isPresent()) {
			return byId.get().id();
		}
		List<Group> named = this.directory.findGroupsByDisplayName(idOrName);
		if (named.size() == 1) {
			return named.get(0).id();
		}
		throw DirectoryErrors.invalid(named.isEmpty() ? "No group has the id or name '" + idOrName + "'."
				: "Several groups are named '" + idOrName + "': give the group's id instead.");
	}

	private void created(long line, User user) {
		this.report.add(new ImportReport.Row(line, user.userPrincipalName(), user.id(), null, null));
	}

	private void refuse(long line, String userPrincipalName, KeyfobException ex) {
		this.report.add(new ImportReport.Row(line, userPrincipalName, null, ex.code(), ex.getMessage()));
	}

	/**
	 * One data row as read.
	 *
	 * @param userPrincipalName the sign-in name
	 * @param displayName the display name
	 * @param password the password, or {@code null}
	 * @param groups group ids or names separated by {@code ;}, or empty
	 */
	record Input(String userPrincipalName, String displayName, @Nullable String password, String groups) {

		@Override
		public String toString() {
			return "Input[userPrincipalName=" + this.userPrincipalName + "]";
		}

	}

	/**
	 * The time, to the microsecond that both databases store, so an object read back
	 * equals the one returned on creation.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
