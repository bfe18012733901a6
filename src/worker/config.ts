import type { StoredInstanceSettings } from '../durable/directory/instance-settings';
import { type InstanceSettings, REGISTRATION_MODES, type RegistrationMode } from '../shared/model';
import type { Env } from './context';

/** Operator settings from the environment (see README), with their defaults. */
export function registrationMode(env: Env): RegistrationMode {
  const value = (env.REGISTRATION_MODE ?? '').trim().toLowerCase();
  return (REGISTRATION_MODES as readonly string[]).includes(value) ? (value as RegistrationMode) : 'open';
}

export function instanceName(env: Env): string {
  return env.INSTANCE_NAME?.trim() || 'Hearth';
}

/** The settings in force: what an administrator stored, else the environment's default. */
export function instanceSettings(env: Env, stored: StoredInstanceSettings): InstanceSettings {
  return {
    name: stored.name ?? instanceName(env),
    registrationMode: stored.registrationMode ?? registrationMode(env),
  };
}
