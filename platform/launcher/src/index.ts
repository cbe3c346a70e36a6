export { startHub, type RunningHub, type HubOptions } from './hub.js';
export { loadLauncherConfig, launcherSpec, type LauncherConfig } from './config.js';
