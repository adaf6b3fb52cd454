// Shopify's official libraries as the judge: reads one JSON request on stdin, writes one JSON answer on stdout.
//   webhook  {secret, body, headers}              → what @shopify/shopify-api's webhooks.validate says of a delivery
//   oauth    {apiKey, secret, query}              → utils.validateHmac and utils.sanitizeHost on an OAuth redirect
//   sign     {secret, body}                       → the X-Shopify-Hmac-Sha256 the library's test helper computes
//   admin    {adminUrl, shop, apiVersion, accessToken, query, variables}
//                                                 → @shopify/admin-api-client's request, sent to adminUrl
import '@shopify/shopify-api/adapters/web-api';
import { shopifyApi, LogSeverity } from '@shopify/shopify-api';
import { getHmac } from '@shopify/shopify-api/test-helpers';
import { createAdminApiClient } from '@shopify/admin-api-client';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
}));

const library = (apiKey, secret) => shopifyApi({
  apiKey: apiKey ?? 'oracle',
  apiSecretKey: secret,
  scopes: ['read_products'],
  hostName: 'shopfloor.example',
  apiVersion: '2026-07', // the newest this library release names; the checks below do not depend on it
  isEmbeddedApp: false,
  logger: { level: LogSeverity.Error },
});

const commands = {
  async webhook({ secret, body, headers }) {
    const rawRequest = new Request('https://shopfloor.example/webhooks', { method: 'POST', headers, body });
    return library(undefined, secret).webhooks.validate({ rawBody: body, rawRequest });
  },
  async oauth({ apiKey, secret, query }) {
    const shopify = library(apiKey, secret);
    return {
      hmacValid: await shopify.utils.validateHmac(query),
      host: shopify.utils.sanitizeHost(query.host),
      shop: shopify.utils.sanitizeShop(query.shop, false),
    };
  },
  async sign({ secret, body }) {
    return { hmac: getHmac(body, secret) };
  },
  async admin({ adminUrl, shop, apiVersion, accessToken, query, variables }) {
    const client = createAdminApiClient({
      storeDomain: shop,
      apiVersion,
      accessToken,
      // Only the base address differs from a real store.
      customFetchApi: (url, init) => fetch(url.replace(`https://${shop}`, adminUrl), init),
    });
    const response = await client.request(query, { variables });
    return { data: response.data ?? null, errors: response.errors ?? null, extensions: response.extensions ?? null };
  },
};

try {
  process.stdout.write(JSON.stringify(await commands[process.argv[2]](input)));
} catch (error) {
  process.stdout.write(JSON.stringify({ thrown: String(error?.stack ?? error) }));
}
