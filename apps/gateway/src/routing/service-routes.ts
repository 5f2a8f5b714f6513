import { GatewayEnv } from '../config/gateway-env';

/** `/api/<service>/...` → that service, path unchanged. */
export function serviceRoutes(env: GatewayEnv): Record<string, string> {
  return {
    delegations: env.DELEGATIONS_URL,
    'host-matching': env.HOST_MATCHING_URL,
    logistics: env.LOGISTICS_URL,
    notifications: env.NOTIFICATIONS_URL,
  };
}
