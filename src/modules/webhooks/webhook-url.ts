import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { BadUserInputError } from '../../common/errors';

export interface UrlPolicy {
  /** WEBHOOKS_ALLOW_HTTP: http:// as well as https:// (development, test rigs). */
  allowHttp: boolean;
  /** WEBHOOKS_ALLOW_PRIVATE_NETWORKS: any address, loopback and private ones included (test rigs). */
  allowPrivateNetworks: boolean;
}

/** Where a delivery may connect: the URL, and the one address checked for it. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export class RefusedUrlError extends Error {}

const refuse = (message: string) => new RefusedUrlError(message);

/** True for an address on the public internet: ipaddr.js's `unicast` (IPv4-mapped IPv6 read as its IPv4). */
function isPublic(address: string): boolean {
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * Checks a webhook URL and resolves its host once: the scheme (https, or http when allowed),
 * no credentials, and every address the host resolves to public (not loopback, private,
 * link-local, carrier-grade NAT, multicast or otherwise reserved). The delivery then connects to
 * the returned address and no other: a host that resolves elsewhere a moment later (DNS
 * rebinding) changes nothing.
 */
export async function resolveTarget(raw: string, policy: UrlPolicy): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('Not a URL.');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    throw refuse(policy.allowHttp ? 'Use https:// or http://.' : 'Use https://.');
  if (url.username || url.password) throw refuse('Credentials in the URL are not allowed.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw refuse('The host does not resolve.');
    }
  }
  if (addresses.length === 0) throw refuse('The host does not resolve.');
  if (!policy.allowPrivateNetworks && !addresses.every((a) => isPublic(a.address))) {
    throw refuse('The host resolves to a loopback, private, link-local or otherwise internal address.');
  }
  const [first] = addresses;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** The same check for an input: BAD_USER_INPUT on `url`. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy): Promise<CheckedTarget> {
  if (raw.length > 2048) throw BadUserInputError.field('url', 'At most 2,048 characters.');
  try {
    return await resolveTarget(raw, policy);
  } catch (error) {
    if (error instanceof RefusedUrlError) throw BadUserInputError.field('url', error.message);
    throw error;
  }
}
