import type { HashiyaApi } from '../../shared/ipc/contract';
import { webApi } from './webApi';

/** The platform API: Electron's preload when present, the web stand-in otherwise. */
export const api: HashiyaApi = window.hashiya ?? webApi;
