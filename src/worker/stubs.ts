import type { Env } from './context';

/** The single directory object. */
export function directory(env: Env) {
  return env.DIRECTORY.get(env.DIRECTORY.idFromName('directory'));
}

export function workspace(env: Env, workspaceId: string) {
  return env.WORKSPACES.get(env.WORKSPACES.idFromName(workspaceId));
}

export function channel(env: Env, channelId: string) {
  return env.CHANNELS.get(env.CHANNELS.idFromName(channelId));
}

/** The single object that draws and keeps PlantUML diagrams. */
export function diagramCache(env: Env) {
  return env.DIAGRAMS.get(env.DIAGRAMS.idFromName('diagrams'));
}
