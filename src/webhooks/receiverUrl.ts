import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'
import type { Payload } from 'payload'

import type { Bilingual } from '../i18n/say'

/** Every address a host name resolves to (all of them: one private answer among public ones is enough to refuse). */
export type ResolveHost = (hostname: string) => Promise<string[]>

export interface ReceiverUrlOptions {
  /** Production refuses plain http and any receiver inside the network Aula runs in (docs/webhooks.md "Receiver URLs"). */
  production: boolean
  /** Tests answer for DNS (there is no network in CI); the default asks the system resolver. */
  resolve?: ResolveHost
}

export type ReceiverUrlCheck =
  /** `addresses`: what the host resolved to in production (connect to one of these, never resolve again); empty outside production. */
  | { ok: true; url: URL; addresses: string[] }
  /** `reason` in English (logs, delivery records); `message` for the admin, in both languages. */
  | { ok: false; reason: string; message: Bilingual }

const systemResolve: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map(({ address }) => address)

/**
 * Addresses a receiver must not be at in production: a webhook URL is typed by an admin and fetched by the
 * server, so without this list it would be a way to reach the database, the cloud metadata service or
 * anything else on the private network (SSRF). IPv4-mapped IPv6 addresses are checked as the IPv4 they carry.
 */
const internalAddresses = (() => {
  const list = new BlockList()
  const ipv4: Array<[string, number]> = [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ]
  const ipv6: Array<[string, number]> = [
    // The unspecified and loopback addresses, and the deprecated IPv4-compatible ones (::a.b.c.d).
    ['::', 96],
    // NAT64: the IPv4 address it carries could be any of the above.
    ['64:ff9b::', 96],
    ['fc00::', 7],
    ['fe80::', 10],
    ['fec0::', 10],
    ['ff00::', 8],
  ]
  for (const [network, prefix] of ipv4) list.addSubnet(network, prefix, 'ipv4')
  for (const [network, prefix] of ipv6) list.addSubnet(network, prefix, 'ipv6')
  return list
})()

const isInternal = (address: string) => internalAddresses.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')

const refuse = (en: string, es: string): ReceiverUrlCheck => ({ ok: false, reason: en, message: { es, en } })

/** Whether a webhook may deliver to `raw`; called when an admin saves it and again before every delivery (DNS may have changed since). */
export async function checkReceiverUrl(raw: string, { production, resolve = systemResolve }: ReceiverUrlOptions): Promise<ReceiverUrlCheck> {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return refuse('is not a valid URL', 'no es una URL válida')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('must start with https://', 'debe empezar por https://')
  // They would be sent on every delivery and written wherever URLs are logged; receivers authenticate with the signature.
  if (url.username || url.password) return refuse('must not contain a user name or password', 'no debe llevar usuario ni contraseña')
  if (!production) return { ok: true, url, addresses: [] }

  if (url.protocol !== 'https:') return refuse('must use https in production', 'debe usar https en producción')
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return refuse('must not point at this server (localhost)', 'no puede apuntar a este servidor (localhost)')
  if (isIP(host)) return isInternal(host) ? refuse(`must not point at a private or local address (${host})`, `no puede apuntar a una dirección privada o local (${host})`) : { ok: true, url, addresses: [host] }

  let addresses: string[]
  try {
    addresses = await resolve(host)
  } catch {
    addresses = []
  }
  if (addresses.length === 0) return refuse(`has a host name that does not resolve (${host})`, `tiene un nombre de servidor que no existe (${host})`)
  const internal = addresses.find(isInternal)
  if (internal) return refuse(`resolves to a private or local address (${host} → ${internal})`, `apunta a una dirección privada o local (${host} → ${internal})`)
  return { ok: true, url, addresses }
}

/** Settings the config factory puts under `custom.webhookReceivers` (src/config/createAulaConfig.ts). */
export interface WebhookReceiverSettings {
  /** NODE_ENV=production: receivers must be public https URLs. */
  publicReceiversOnly: boolean
  /** Tests answer for DNS here; unset = the system resolver. */
  resolve?: ResolveHost
}

/** The options `checkReceiverUrl` takes in this running Aula. */
export const receiverUrlOptions = (payload: Pick<Payload, 'config'>): ReceiverUrlOptions => {
  const settings = payload.config.custom?.webhookReceivers as WebhookReceiverSettings | undefined
  return { production: settings?.publicReceiversOnly ?? true, resolve: settings?.resolve }
}
