// The tokens module's public surface: other modules and the composition roots import only this file.
export { apiTokenRoutes } from './api-token.routes.js';
export { createApiTokenAsSystem } from './api-token.service.js';
export { nameApiTokensForAudit } from './api-token-audit-names.js';
