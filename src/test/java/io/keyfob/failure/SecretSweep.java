package io.keyfob.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.keyfob.otp.Base32;

/**
 * Searches files and texts for secrets in every form they could leak in: raw bytes, hex,
 * Base32 and Base64 (with and without padding), text compared without regard to case. A
 * rolling hash per needle length keeps a search of many thousand secrets in a data file
 * of some megabytes to one pass per length.
 */
final class SecretSweep {

	private static final long BASE = 257;

	// needle length -> hashes -> needles; raw bytes as they are, text in lower case
	private final Map<Integer, Map<Long, List<byte[]>>> raw = new HashMap<>();

	private final Map<Integer, Map<Long, List<byte[]>>> text = new HashMap<>();

	private final List<String> matches = new ArrayList<>();

	/**
	 * Look for a seed in its raw, hex, Base32 and Base64 forms.
	 * @param seed the seed
	 * @return this sweep
	 */
	SecretSweep seed(byte[] seed) {
		add(this.raw, seed);
		String base64 = Base64.getEncoder().encodeToString(seed);
		for (String form : Set.of(HexFormat.of().formatHex(seed), Base32.encode(seed).replace("=", ""), base64,
				base64.replace("=", ""))) {
			text(form);
		}
		return this;
	}

	/**
	 * Look for a password or client secret as text.
	 * @param secret the secret
	 * @return this sweep
	 */
	SecretSweep text(String secret) {
		add(this.text, secret.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/**
	 * Search every file under a directory (or one file).
	 * @param path the directory or file
	 */
	void search(Path path) {
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				search(file.toString(), Files.readAllBytes(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void search(String where, String content) {
		search(where, content.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * What was found, one line per match: where, and which needle length.
	 * @return the matches, empty if none
	 */
	List<String> matches() {
		return this.matches;
	}

	private void search(String where, byte[] content) {
		find(where, content, this.raw);
		byte[] lower = new String(content, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
			.getBytes(StandardCharsets.ISO_8859_1);
		find(where, lower, this.text);
	}

	private void find(String where, byte[] content, Map<Integer, Map<Long, List<byte[]>>> needles) {
		needles.forEach((length, byHash) -> {
			if (content.length < length) {
				return;
			}
			long power = 1;
			for (int i = 1; i < length; i++) {
				power *= BASE;
			}
			long hash = hash(content, 0, length);
			for (int at = 0;; at++) {
				List<byte[]> candidates = byHash.get(hash);
				if (candidates != null) {
					for (byte[] needle : candidates) {
						if (java.util.Arrays.equals(content, at, at + length, needle, 0, length)) {
							this.matches.add(where + " at " + at + " (" + length + " bytes)");
						}
					}
				}
				if (at + length >= content.length) {
					return;
				}
				hash = (hash - (content[at] & 0xff) * power) * BASE + (content[at + length] & 0xff);
			}
		});
	}

	private static void add(Map<Integer, Map<Long, List<byte[]>>> needles, byte[] needle) {
		needles.computeIfAbsent(needle.length, (length) -> new HashMap<>())
			.computeIfAbsent(hash(needle, 0, needle.length), (hash) -> new ArrayList<>())
			.add(needle);
	}

	private static long hash(byte[] bytes, int from, int length) {
		long hash = 0;
		for (int i = from; i < from + length; i++) {
			hash = hash * BASE + (bytes[i] & 0xff);
		}
		return hash;
	}

}
