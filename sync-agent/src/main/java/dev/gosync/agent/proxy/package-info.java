/**
 * The GOPROXY client: {@link dev.gosync.agent.proxy.ProxyList} parses the GOPROXY list as the go
 * command does, {@link dev.gosync.agent.proxy.ProxySource} speaks the protocol to one proxy
 * (https, http or a {@code file://} directory) with timeouts, bounded retries and credentials,
 * and {@link dev.gosync.agent.proxy.ProxyChain} applies the list's fallback rules and GONOPROXY
 * routing per request.
 */
package dev.gosync.agent.proxy;
