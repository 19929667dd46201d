import { apiAuth } from '../auth/apiAuth';

/**
 * Sends an API request with the signed-in shopper's access token. A 401 on a request that carried one means the token
 * went stale: renew once and send the request again; if the server still refuses, the shopper signs in again.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  const auth = apiAuth();
  const token = request.headers.has('Authorization') ? null : await auth.accessToken();
  if (!token) return globalThis.fetch(request);

  const retry = request.clone();
  request.headers.set('Authorization', `Bearer ${token}`);
  const response = await globalThis.fetch(request);
  if (response.status !== 401) return response;

  const renewed = await auth.renew();
  if (!renewed) {
    auth.signInRequired();
    return response;
  }
  retry.headers.set('Authorization', `Bearer ${renewed}`);
  const second = await globalThis.fetch(retry);
  if (second.status === 401) auth.signInRequired();
  return second;
}
