package io.keyfob.radius;

import java.net.InetSocketAddress;
import java.util.Optional;

import io.keyfob.directory.Directory;
import io.keyfob.radius.RadiusCodec.AccessRequest;
import io.keyfob.radius.RadiusCodec.Answer;
import io.keyfob.radius.RadiusMetrics.Drop;
import io.keyfob.radius.RetransmissionCache.Lookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns one datagram into its answer, or into nothing. In order: the structure is
 * checked, the source must be a registered client, the Message-Authenticator must be
 * right (and present, if the client requires it; always for Status-Server, RFC 5997 §3),
 * a retransmission gets the cached answer, and only then is anything decoded and checked.
 * Whatever goes wrong, the datagram is dropped and counted, never answered.
 */
@Component
final class RadiusDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(RadiusDispatcher.class);

	private final RadiusClients clients;

	private final AccessRequests requests;

	private final RadiusMetrics metrics;

	private final RadiusCodec codec = new RadiusCodec();

	private final RetransmissionCache cache = new RetransmissionCache();

	RadiusDispatcher(RadiusClients clients, AccessRequests requests, RadiusMetrics metrics) {
		this.clients = clients;
		this.requests = requests;
		this.metrics = metrics;
	}

	/**
	 * Answer a datagram.
	 * @param datagram the bytes received
	 * @param from where they came from
	 * @return the answer to send back, or empty to send nothing
	 */
	Optional<byte[]> handle(byte[] datagram, InetSocketAddress from) {
		Optional<RadiusPacket> parsed = RadiusPacket.parse(datagram);
		if (parsed.isEmpty()) {
			return drop(Drop.MALFORMED, from);
		}
		RadiusPacket packet = parsed.get();
		if (packet.code() != RadiusPacket.ACCESS_REQUEST && packet.code() != RadiusPacket.STATUS_SERVER) {
			return drop(Drop.UNSUPPORTED, from);
		}
		Optional<Nas> known = this.clients.match(from.getAddress());
		if (known.isEmpty()) {
			return drop(Drop.UNKNOWN_CLIENT, from);
		}
		Nas nas = known.get();
		if (packet.messageAuthenticatorAt() >= 0) {
			if (!RadiusCodec.messageAuthenticatorValid(packet, nas.secret())) {
				return drop(Drop.BAD_AUTHENTICATOR, from);
			}
		}
		else if (nas.client().requireMessageAuthenticator() || packet.code() == RadiusPacket.STATUS_SERVER) {
			return drop(Drop.MISSING_MESSAGE_AUTHENTICATOR, from);
		}
		if (packet.code() == RadiusPacket.STATUS_SERVER) {
			// RFC 5997 §3: answered with Access-Accept, never from the duplicate cache
			return answer(packet, nas, from);
		}
		return cached(packet, nas, from);
	}

	private Optional<byte[]> cached(RadiusPacket packet, Nas nas, InetSocketAddress from) {
		String key = from.getAddress().getHostAddress() + "/" + from.getPort() + "/" + packet.retransmissionKey();
		Lookup lookup = this.cache.begin(key, System.nanoTime());
		if (lookup instanceof Lookup.Cached cached) {
			this.metrics.retransmitted();
			return Optional.of(cached.answer());
		}
		if (lookup instanceof Lookup.InProgress) {
			return drop(Drop.IN_PROGRESS, from);
		}
		Optional<byte[]> answer = Optional.empty();
		try {
			answer = answer(packet, nas, from);
			return answer;
		}
		finally {
			if (answer.isPresent()) {
				this.cache.finish(key, answer.get(), System.nanoTime());
			}
			else {
				this.cache.abandon(key);
			}
		}
	}

	private Optional<byte[]> answer(RadiusPacket packet, Nas nas, InetSocketAddress from) {
		Optional<AccessRequest> decoded = this.codec.decode(packet, nas.secret());
		if (decoded.isEmpty()) {
			return drop(Drop.MALFORMED, from);
		}
		AccessRequest request = decoded.get();
		Answer answer;
		if (packet.code() == RadiusPacket.STATUS_SERVER) {
			answer = Answer.accept();
		}
		else if (request.userName() == null) {
			return drop(Drop.MALFORMED, from);
		}
		else if (request.passwordUnreadable()) {
			// without a Message-Authenticator, the only sign of a wrong shared secret
			return drop(Drop.UNREADABLE_PASSWORD, from);
		}
		else if (nas.client().principalName(request.userName()).length() > Directory.MAX_NAME_LENGTH) {
			// no user has such a name: not worth a database lookup
			return drop(Drop.USER_NAME_TOO_LONG, from);
		}
		else {
			try {
				answer = this.requests.answer(nas, from.getAddress().getHostAddress(), request);
			}
			catch (RuntimeException ex) {
				logger.warn("RADIUS request from {} ({}) failed; the NAS will retransmit: {}",
						nas.client().displayName(), from.getAddress().getHostAddress(), ex.toString());
				return drop(Drop.ERROR, from);
			}
		}
		byte[] bytes = this.codec.encode(packet, answer, request.proxyStates(), nas.secret());
		this.metrics.answered(codeName(answer.code()));
		return Optional.of(bytes);
	}

	private Optional<byte[]> drop(Drop reason, InetSocketAddress from) {
		this.metrics.dropped(reason);
		if (logger.isDebugEnabled()) {
			logger.debug("Dropped a RADIUS datagram from {}: {}", from, reason.tag());
		}
		return Optional.empty();
	}

	private static String codeName(int code) {
		return switch (code) {
			case RadiusPacket.ACCESS_ACCEPT -> "accessAccept";
			case RadiusPacket.ACCESS_CHALLENGE -> "accessChallenge";
			default -> "accessReject";
		};
	}

}
