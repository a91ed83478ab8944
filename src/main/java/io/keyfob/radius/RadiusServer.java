package io.keyfob.radius;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.keyfob.radius.RadiusMetrics.Drop;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The UDP side of the RADIUS server: one thread receives datagrams and hands them to a
 * fixed pool of {@code keyfob.radius.threads} workers through a queue of
 * {@code keyfob.radius.queue}; when the queue is full the datagram is dropped and counted
 * (the NAS retransmits), so a flood costs memory of a bounded size and never stops the
 * server. Runs only with {@code keyfob.radius.enabled=true}.
 */
@Component
@ConditionalOnBooleanProperty("keyfob.radius.enabled")
public final class RadiusServer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RadiusServer.class);

	private final RadiusProperties properties;

	private final RadiusDispatcher dispatcher;

	private final RadiusMetrics metrics;

	private volatile @Nullable DatagramSocket socket;

	private volatile @Nullable ThreadPoolExecutor workers;

	RadiusServer(RadiusProperties properties, RadiusDispatcher dispatcher, RadiusMetrics metrics) {
		this.properties = properties;
		this.dispatcher = dispatcher;
		this.metrics = metrics;
	}

	@Override
	public synchronized void start() {
		if (this.socket != null) {
			return;
		}
		InetSocketAddress bind;
		try {
			bind = (this.properties.address() != null)
					? new InetSocketAddress(InetAddress.getByName(this.properties.address()), this.properties.port())
					: new InetSocketAddress(this.properties.port());
			DatagramSocket opened = new DatagramSocket(bind);
			opened.setReceiveBufferSize(1 << 20);
			this.socket = opened;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not open the RADIUS port " + this.properties.port()
							+ ": set keyfob.radius.port and keyfob.radius.address to a free port and a local address",
					ex);
		}
		AtomicInteger number = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(this.properties.threads(), this.properties.threads(), 60,
				TimeUnit.SECONDS, new ArrayBlockingQueue<>(this.properties.queue()), (task) -> {
					Thread thread = new Thread(task, "radius-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		Thread receiver = new Thread(this::receive, "radius-receiver");
		receiver.setDaemon(true);
		receiver.start();
		logger.info("RADIUS server listening on UDP {}", this.socket.getLocalSocketAddress());
	}

	@Override
	public synchronized void stop() {
		DatagramSocket open = this.socket;
		ThreadPoolExecutor pool = this.workers;
		this.socket = null;
		this.workers = null;
		if (open != null) {
			open.close();
		}
		if (pool != null) {
			pool.shutdown();
			try {
				pool.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			logger.info("RADIUS server stopped");
		}
	}

	@Override
	public boolean isRunning() {
		return this.socket != null;
	}

	/**
	 * The UDP port the server listens on, useful with {@code keyfob.radius.port=0}.
	 * @return the port, or -1 when not running
	 */
	public int localPort() {
		DatagramSocket open = this.socket;
		return (open != null) ? open.getLocalPort() : -1;
	}

	private void receive() {
		DatagramSocket open = this.socket;
		ThreadPoolExecutor pool = this.workers;
		// one octet more than the largest packet, to see a datagram that is too long
		byte[] buffer = new byte[RadiusPacket.MAX_LENGTH + 1];
		while (open != null && pool != null && !open.isClosed()) {
			DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
			try {
				open.receive(datagram);
			}
			catch (SocketException ex) {
				return;
			}
			catch (IOException ex) {
				logger.warn("Could not receive a RADIUS datagram: {}", ex.toString());
				continue;
			}
			if (datagram.getLength() > RadiusPacket.MAX_LENGTH) {
				this.metrics.dropped(Drop.MALFORMED);
				continue;
			}
			byte[] bytes = Arrays.copyOf(buffer, datagram.getLength());
			InetSocketAddress from = (InetSocketAddress) datagram.getSocketAddress();
			try {
				pool.execute(() -> work(open, bytes, from));
			}
			catch (RejectedExecutionException ex) {
				this.metrics.dropped(Drop.OVERLOADED);
			}
		}
	}

	private void work(DatagramSocket open, byte[] bytes, InetSocketAddress from) {
		try {
			this.dispatcher.handle(bytes, from).ifPresent((answer) -> send(open, answer, from));
		}
		catch (RuntimeException ex) {
			this.metrics.dropped(Drop.ERROR);
			logger.warn("RADIUS request from {} failed; the NAS will retransmit: {}",
					from.getAddress().getHostAddress(), ex.toString());
		}
	}

	private static void send(DatagramSocket open, byte[] answer, InetSocketAddress to) {
		try {
			open.send(new DatagramPacket(answer, answer.length, to));
		}
		catch (IOException ex) {
			logger.debug("Could not send a RADIUS answer to {}: {}", to, ex.toString());
		}
	}

}
