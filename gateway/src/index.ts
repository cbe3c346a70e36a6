export { createGateway, type Gateway } from './server.js';
export { gatewaySpec, loadGatewayConfig, type GatewayConfig } from './config.js';
export { mintToken } from './token.js';
export { developmentJwtSecret } from './dev-secret.js';
