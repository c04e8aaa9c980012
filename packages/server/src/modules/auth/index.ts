// The auth module's public surface: other modules and the composition roots import only this file.
export { actorFromUser } from './actor-from-user.js';
export { type AuthRoutesOptions, authRoutes } from './auth.routes.js';
export { AUTH_POLICY, SESSION_COOKIE } from './auth-policy.js';
export {
  type Authenticator,
  createAuthenticator,
  endUserSessions,
  type SessionCheck,
} from './session.service.js';
