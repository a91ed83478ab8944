package io.keyfob.policy;

/**
 * The hardware OATH policy changed; it is in force from this moment.
 *
 * @param previous the policy before
 * @param current the policy now
 */
public record HardwareOathPolicyChanged(HardwareOathPolicy previous, HardwareOathPolicy current) {
}
