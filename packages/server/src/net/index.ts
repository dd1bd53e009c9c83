export {
  OutboundUrlCheck,
  type OutboundUrlCheckOptions,
  type UrlVerdict,
} from './outbound-check.ts';
export {
  type AddressPolicy,
  type AddressVerdict,
  classifyAddress,
  FetchNetworkError,
  FetchRedirectError,
  FetchTimeoutError,
  FetchTooLargeError,
  MAX_REDIRECTS,
  type ResolveHost,
  SafeFetchError,
  type SafeFetchOptions,
  type SafeFetchResponse,
  SsrfBlockedError,
  safeFetch,
  vetUrl,
} from './safe-fetch.ts';
